// A service group's page: its figures, charts over time, methods, workers, instances, decisions and live log.
import {actionButtons, badge, fillTable, fmt, getJson, h, live, LogView, showMessage, streamLog} from './console.js';
import {LineChart} from './chart.js';

const name = decodeURIComponent(location.pathname.replace(/^\/services\//, '').replace(/\/$/, ''));
document.title = `${name} · Orrery console`;
document.getElementById('group-name').textContent = name;
document.getElementById('log-link').href = `/logs?group=${encodeURIComponent(name)}`;

const buttons = actionButtons(name, group => render(group));
document.getElementById('group-actions').replaceChildren(buttons.element);

const charts = {
    calls: new LineChart(document.getElementById('chart-calls'), {
        series: [{key: 'callsPerSecond', label: 'calls/s'}], format: fmt.rate}),
    latency: new LineChart(document.getElementById('chart-latency'), {
        series: [{key: 'p50Micros', label: 'p50'}, {key: 'p99Micros', label: 'p99'},
            {key: 'p999Micros', label: 'p99.9'}], format: fmt.latency}),
    cpu: new LineChart(document.getElementById('chart-cpu'), {
        series: [{key: 'cpuPercent', label: 'CPU'}], format: fmt.percent}),
    memory: new LineChart(document.getElementById('chart-memory'), {
        series: [{key: 'rssBytes', label: 'memory'}], format: value => `${Number(value.toPrecision(3))} MiB`,
        scale: bytes => bytes / 1048576}),
    workers: new LineChart(document.getElementById('chart-workers'), {
        series: [{key: 'workers', label: 'workers'}], format: value => String(value), whole: true}),
};

function tile(key, value, hint) {
    const element = document.querySelector(`[data-tile="${key}"]`);
    element.querySelector('.value').textContent = value;
    if (hint !== undefined) element.querySelector('.hint').textContent = hint;
}

function render(group) {
    const status = document.getElementById('group-status');
    status.replaceChildren(badge(group.status));
    status.dataset.status = group.status;
    document.getElementById('group-reason').textContent = group.reason || '';
    buttons.update(group.status);
    const running = group.workers.filter(worker => worker.status === 'running').length;
    tile('workers', `${running} / ${group.workers.length}`, `min ${group.minWorkers} · max ${group.maxWorkers}`);
    tile('cpu', fmt.percent(group.cpuPercent));
    tile('memory', fmt.mib(group.rssBytes));
    tile('calls', fmt.rate(group.callsPerSecond));
    tile('p99', fmt.latency(group.p99Micros));
    tile('errors', fmt.count(group.errors));
    renderMethods(group.methods);
    renderWorkers(group.workers);
    renderInstances(group.instances);
}

function renderMethods(methods) {
    fillTable(document.querySelector('#methods tbody'), methods.map(method =>
        h('tr', {'data-method': `${method.service}.${method.method}`},
            h('td', {class: 'mono'}, `${method.service}.${method.method}`),
            h('td', {class: 'num'}, fmt.count(method.calls)),
            h('td', {class: 'num'}, fmt.count(method.errors)),
            h('td', {class: 'num'}, fmt.count(method.inFlight)),
            h('td', {class: 'num'}, fmt.rate(method.callsPerSecond)),
            h('td', {class: 'num'}, fmt.latency(method.p50Micros)),
            h('td', {class: 'num'}, fmt.latency(method.p99Micros)),
            h('td', {class: 'num'}, fmt.latency(method.p999Micros)),
            h('td', {class: 'num'}, fmt.bytes(method.bytesIn)),
            h('td', {class: 'num'}, fmt.bytes(method.bytesOut)))), 10, 'no calls yet');
}

function renderWorkers(workers) {
    fillTable(document.querySelector('#workers tbody'), workers.map(worker =>
        h('tr', {'data-pid': worker.pid, 'data-status': worker.status},
            h('td', {class: 'num mono'}, worker.pid || '–'),
            h('td', {}, badge(worker.status)),
            h('td', {class: 'num'}, worker.restarts),
            h('td', {class: 'num'}, fmt.duration(worker.uptimeMillis)),
            h('td', {class: 'num'}, fmt.percent(worker.cpuPercent)),
            h('td', {class: 'num'}, fmt.mib(worker.rssBytes)),
            h('td', {class: 'num'}, worker.threads),
            h('td', {class: 'small'}, worker.lastExit || ''))), 8, 'no workers');
}

function metadata(map) {
    return Object.entries(map).map(([key, value]) => h('span', {class: 'kv'}, `${key}=${value}`));
}

function renderInstances(instances) {
    fillTable(document.querySelector('#instances tbody'), instances.map(instance =>
        h('tr', {'data-instance': instance.id},
            h('td', {class: 'mono'}, instance.service),
            h('td', {class: 'mono small'}, instance.id),
            h('td', {class: 'mono'}, instance.endpoints.join(' ')),
            h('td', {}, metadata(instance.metadata)),
            h('td', {class: 'num'}, fmt.duration(instance.ttlMillis)),
            h('td', {class: 'num'}, fmt.clock(instance.lastRenewedAt)))), 6, 'no instances registered');
}

function renderDecisions(decisions) {
    fillTable(document.querySelector('#decisions tbody'), decisions.slice().reverse().map(decision =>
        h('tr', {'data-action': decision.action},
            h('td', {}, fmt.dateTime(decision.time)),
            h('td', {}, h('span', {class: 'badge', 'data-status': decision.action === 'remove' ? 'stopped'
                : 'running'}, decision.action)),
            h('td', {class: 'num'}, `${decision.from} → ${decision.to}`),
            h('td', {}, decision.reason))), 4, 'no scale decisions yet');
}

function history(samples) {
    Object.values(charts).forEach(chart => chart.set(samples));
}

function sample(point) {
    Object.values(charts).forEach(chart => chart.add(point));
}

getJson(`/api/services/${encodeURIComponent(name)}`).then(group => {
    render(group);
    live(`/api/events?group=${encodeURIComponent(name)}`, {
        services: groups => {
            const group = groups.find(each => each.name === name);
            if (group) render(group);
        },
        history,
        sample,
        decisions: renderDecisions,
    });
    streamLog(new LogView(document.getElementById('log'), {showGroup: false}), name);
}).catch(e => showMessage(e.message));
