// The name server: its figures and every instance with its lease, refreshed on each tick of the live stream.
import {fillTable, fmt, getJson, h, live, showMessage} from './console.js';

let loading = false;

function stat(key, value) {
    document.querySelector(`[data-stat="${key}"] .value`).textContent = value;
}

function metadata(map) {
    return Object.entries(map).map(([key, value]) => h('span', {class: 'kv'}, `${key}=${value}`));
}

function render(snapshot) {
    const stats = snapshot.stats;
    stat('services', fmt.count(stats.services));
    stat('instances', fmt.count(stats.instances));
    stat('watches', fmt.count(stats.watches));
    stat('uptime', fmt.duration(stats.uptimeMillis));
    stat('revision', fmt.count(stats.revision));
    stat('version', stats.version);
    const now = Date.now();
    fillTable(document.querySelector('#ns-instances tbody'), snapshot.instances.map(instance =>
        h('tr', {'data-instance': instance.id, 'data-service': instance.service},
            h('td', {class: 'mono'}, instance.service),
            h('td', {class: 'mono small'}, instance.id),
            h('td', {}, instance.group ? h('a', {href: `/services/${encodeURIComponent(instance.group)}`},
                instance.group) : '–'),
            h('td', {class: 'mono'}, instance.endpoints.join(' ')),
            h('td', {}, metadata(instance.metadata)),
            h('td', {class: 'num'}, fmt.duration(instance.ttlMillis)),
            h('td', {class: 'num'}, fmt.dateTime(instance.registeredAt)),
            h('td', {class: 'num'}, fmt.clock(instance.lastRenewedAt)),
            h('td', {class: 'num'}, instance.expiresAt ? fmt.duration(Date.parse(instance.expiresAt) - now)
                : '–'))), 9, 'no instances registered');
}

async function refresh() {
    if (loading) return;
    loading = true;
    try {
        render(await getJson('/api/nameserver'));
        showMessage('');
    } catch (e) {
        showMessage(`cannot reach the name server: ${e.message}`);
    } finally {
        loading = false;
    }
}

refresh();
live('/api/events', {services: refresh});
