// The live log of every group, or of one chosen in the list.
import {getJson, h, LogView, showMessage, streamLog} from './console.js';

const select = document.getElementById('log-group');
const follow = document.getElementById('log-follow');
const view = new LogView(document.getElementById('log'), {showGroup: true, maxLines: 2000});
let stream = null;

function open(group) {
    if (stream) stream.close();
    view.lastSeq = -1;
    view.clear();
    stream = streamLog(view, group);
    const url = new URL(location.href);
    if (group) url.searchParams.set('group', group); else url.searchParams.delete('group');
    history.replaceState(null, '', url);
}

follow.addEventListener('change', () => { view.follow = follow.checked; });
view.follow = follow.checked;
document.getElementById('log-clear').addEventListener('click', () => view.clear());
select.addEventListener('change', () => open(select.value));

const wanted = new URLSearchParams(location.search).get('group') || '';
getJson('/api/services').then(groups => {
    select.append(...groups.map(group => h('option', {value: group.name}, group.name)));
    select.value = groups.some(group => group.name === wanted) ? wanted : '';
    open(select.value);
}).catch(e => {
    showMessage(`cannot load the services: ${e.message}`);
    open('');
});
