// What every page of the console shares: calls to the JSON API, live streams, formatting and small DOM helpers.

/** Makes an element: h('td', {class: 'num', 'data-field': 'cpu'}, 'text', child). */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) continue;
        element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
}

/** GETs a JSON resource; a failure throws an Error carrying the API's message. */
export async function getJson(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}});
    return readJson(response);
}

/** POSTs to the API; a failure throws an Error carrying the API's message. */
export async function post(path, body) {
    const response = await fetch(path, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: body === undefined ? '' : JSON.stringify(body),
    });
    return readJson(response);
}

async function readJson(response) {
    const text = await response.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch (e) {
        json = null;
    }
    if (!response.ok) {
        const message = json && json.error ? json.error : `${response.status} ${response.statusText}`;
        throw new Error(message);
    }
    return json;
}

/** Shows a message above the page's content, or hides it when the text is empty. */
export function showMessage(text, kind = 'error') {
    const box = document.getElementById('message');
    if (!box) return;
    box.textContent = text || '';
    box.dataset.kind = kind;
    box.hidden = !text;
}

/**
 * Opens a stream of server-sent events and shows its state in the header's #live marker. The browser reconnects a
 * broken stream by itself.
 */
export function live(url, handlers) {
    const marker = document.getElementById('live');
    const source = new EventSource(url);
    const mark = (state, text) => {
        if (!marker) return;
        marker.dataset.state = state;
        marker.textContent = text;
    };
    source.addEventListener('open', () => mark('live', 'live'));
    source.addEventListener('error', () => mark('reconnecting', 'reconnecting…'));
    for (const [event, handle] of Object.entries(handlers)) {
        source.addEventListener(event, message => handle(JSON.parse(message.data)));
    }
    window.addEventListener('pagehide', () => source.close());
    return source;
}

/** Sizes in MiB, CPU in percent, latencies in µs, ms or s. */
export const fmt = {
    mib(bytes) {
        if (bytes === null || bytes === undefined) return '–';
        const mib = bytes / 1048576;
        return `${mib < 10 ? mib.toFixed(1) : Math.round(mib).toLocaleString('en')} MiB`;
    },
    percent(value) {
        if (value === null || value === undefined) return '–';
        return `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;
    },
    latency(micros) {
        if (micros === null || micros === undefined) return '–';
        if (micros < 1000) return `${Math.round(micros)} µs`;
        if (micros < 1e6) return `${(micros / 1000).toFixed(micros < 10000 ? 2 : 1)} ms`;
        return `${(micros / 1e6).toFixed(2)} s`;
    },
    rate(value) {
        if (value === null || value === undefined) return '–';
        return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en');
    },
    count(value) {
        return value === null || value === undefined ? '–' : Number(value).toLocaleString('en');
    },
    duration(millis) {
        if (millis === null || millis === undefined) return '–';
        const seconds = Math.max(0, Math.round(millis / 1000));
        if (seconds < 60) return `${seconds} s`;
        const minutes = Math.floor(seconds / 60);
        if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
        const hours = Math.floor(minutes / 60);
        if (hours < 48) return `${hours} h ${minutes % 60} min`;
        return `${Math.floor(hours / 24)} d ${hours % 24} h`;
    },
    clock(iso) {
        if (!iso) return '–';
        const time = new Date(iso);
        const two = n => String(n).padStart(2, '0');
        return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
    },
    dateTime(iso) {
        if (!iso) return '–';
        return new Date(iso).toLocaleString('en-GB', {dateStyle: 'short', timeStyle: 'medium'});
    },
    bytes(count) {
        if (count === null || count === undefined) return '–';
        if (count < 1024) return `${count} B`;
        if (count < 1048576) return `${(count / 1024).toFixed(1)} KiB`;
        return fmt.mib(count);
    },
};

/** A status as a coloured badge. */
export function badge(status) {
    return h('span', {class: 'badge', 'data-status': status}, status);
}

/** Replaces a table body's rows, with a line of text when there are none. */
export function fillTable(body, rows, columns, emptyText) {
    body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', {class: 'empty', colspan: columns},
        emptyText))]));
}

/** Which of a group's actions make sense in a status. */
export function actionAllowed(action, status) {
    switch (action) {
        case 'start': return status === 'stopped' || status === 'crashed';
        case 'stop': return status === 'running' || status === 'starting' || status === 'crashed';
        case 'restart': return status === 'running';
        default: return false;
    }
}

/**
 * The start, stop and restart buttons of a group. Each POSTs its action, then hands the group the API returned to
 * onDone; update(status) enables the buttons that make sense.
 */
export function actionButtons(name, onDone) {
    const buttons = ['start', 'stop', 'restart'].map(action => {
        const button = h('button', {type: 'button', 'data-action': action, 'data-group': name}, action);
        button.addEventListener('click', async () => {
            buttons.forEach(each => { each.disabled = true; });
            try {
                const group = await post(`/api/services/${encodeURIComponent(name)}/${action}`);
                showMessage('');
                onDone(group);
            } catch (e) {
                showMessage(`${action} ${name}: ${e.message}`);
            } finally {
                update(box.dataset.status);
            }
        });
        return button;
    });
    const box = h('div', {class: 'actions'}, buttons);
    const update = status => {
        box.dataset.status = status;
        buttons.forEach(button => { button.disabled = !actionAllowed(button.dataset.action, status); });
    };
    return {element: box, update};
}

/**
 * A live log view: lines in order, each at most once, the oldest dropped beyond a bound; it keeps the newest line
 * in view while the reader is at the bottom.
 */
export class LogView {
    constructor(container, {showGroup = true, maxLines = 1000} = {}) {
        this.container = container;
        this.showGroup = showGroup;
        this.maxLines = maxLines;
        this.lastSeq = -1;
        this.placeholder = h('div', {class: 'none'}, 'no log lines yet');
        container.replaceChildren(this.placeholder);
    }

    add(line) {
        if (line.seq <= this.lastSeq) return;
        this.lastSeq = line.seq;
        this.append(h('div', {class: 'line', 'data-seq': line.seq, 'data-stream': line.stream},
            h('span', {class: 'time', title: line.time}, fmt.clock(line.time)),
            this.showGroup ? h('a', {class: 'group', href: `/services/${encodeURIComponent(line.group)}`},
                line.group) : null,
            h('span', {class: 'pid'}, line.pid ? line.pid : 'sup'),
            h('span', {class: 'text'}, line.text)));
    }

    gap(count) {
        this.append(h('div', {class: 'gap'}, `… ${count} lines skipped while this page fell behind`));
    }

    append(element) {
        const atBottom = this.container.scrollTop + this.container.clientHeight >= this.container.scrollHeight - 24;
        this.placeholder.remove();
        this.container.append(element);
        while (this.container.childElementCount > this.maxLines) {
            this.container.firstElementChild.remove();
        }
        if (this.follow === undefined ? atBottom : this.follow) {
            this.container.scrollTop = this.container.scrollHeight;
        }
    }

    clear() {
        this.container.replaceChildren(this.placeholder);
    }
}

/** Streams a log into a view: every group, or one. */
export function streamLog(view, group) {
    const query = group ? `?group=${encodeURIComponent(group)}` : '';
    return live(`/api/logs/stream${query}`, {
        log: line => view.add(line),
        dropped: notice => view.gap(notice.count),
    });
}
