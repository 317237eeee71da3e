// The overview: one row per service group, updated from the live `services` event.
import {actionButtons, badge, fmt, getJson, h, live, showMessage} from './console.js';

const body = document.getElementById('groups-body');
const rows = new Map();

function cell(field, className = '') {
    return h('td', {'data-field': field, class: className || null});
}

function rowOf(group) {
    let row = rows.get(group.name);
    if (row) return row;
    const link = h('a', {href: `/services/${encodeURIComponent(group.name)}`}, group.name);
    const buttons = actionButtons(group.name, changed => update(changed));
    const element = h('tr', {'data-group': group.name},
        h('td', {'data-field': 'name'}, link),
        cell('status'), cell('workers', 'num'), cell('cpu', 'num'), cell('memory', 'num'), cell('calls', 'num'),
        cell('p99', 'num'), cell('errors', 'num'), h('td', {'data-field': 'actions'}, buttons.element));
    row = {element, buttons};
    rows.set(group.name, row);
    return row;
}

function set(row, field, content) {
    const target = row.element.querySelector(`[data-field="${field}"]`);
    if (content instanceof Node) {
        target.replaceChildren(content);
    } else if (target.textContent !== content) {
        target.textContent = content;
    }
}

function update(group) {
    const row = rowOf(group);
    const running = group.workers.filter(worker => worker.status === 'running').length;
    row.element.dataset.status = group.status;
    const status = row.element.querySelector('[data-field="status"] .badge');
    if (!status || status.dataset.status !== group.status) set(row, 'status', badge(group.status));
    if (group.reason) row.element.querySelector('[data-field="status"]').title = group.reason;
    set(row, 'workers', `${running} / ${group.workers.length}  (${group.minWorkers}–${group.maxWorkers})`);
    set(row, 'cpu', fmt.percent(group.cpuPercent));
    set(row, 'memory', fmt.mib(group.rssBytes));
    set(row, 'calls', fmt.rate(group.callsPerSecond));
    set(row, 'p99', fmt.latency(group.p99Micros));
    set(row, 'errors', fmt.count(group.errors));
    row.buttons.update(group.status);
}

function render(groups) {
    if (!groups.length) {
        body.replaceChildren(h('tr', {}, h('td', {class: 'empty', colspan: 9},
            'no service groups: the supervisor\'s config file has no [services.NAME] section')));
        rows.clear();
        return;
    }
    groups.forEach(update);
    const wanted = groups.map(group => rowOf(group).element);
    if (wanted.some((element, index) => body.children[index] !== element) || body.children.length !== wanted.length) {
        body.replaceChildren(...wanted);
    }
    const running = groups.filter(group => group.status === 'running').length;
    const workers = groups.reduce((sum, group) => sum + group.workers.length, 0);
    document.getElementById('summary').textContent =
        `${groups.length} groups, ${running} running, ${workers} workers`;
}

getJson('/api/services').then(render).catch(e => showMessage(`cannot load the services: ${e.message}`));
live('/api/events', {services: render});
