// A small SVG line chart over time: one or more series, a y axis scaled to the data, the times at the ends.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 170;
const LEFT = 58;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 20;

function svg(tag, attributes = {}, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
}

/**
 * The top of the y axis: the smallest of 1, 2, 4, 6, 8 or 10 times a power of ten at or above the largest value,
 * so that its quarters read well; for whole numbers such as worker counts, a multiple of 4 of at least 4.
 */
function niceCeiling(value, whole) {
    if (whole) return Math.max(4, Math.ceil(value / 4) * 4);
    if (!(value > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 4, 6, 8, 10]) {
        if (value <= step * power * (1 + 1e-9)) return step * power;
    }
    return 10 * power;
}

function clock(time) {
    const two = n => String(n).padStart(2, '0');
    return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
}

export class LineChart {
    /**
     * @param figure   the element that holds the chart: a <figure> with a <figcaption>
     * @param series   [{key, label}] the fields of each sample to draw
     * @param format   formats a value of the y axis
     * @param capacity the most samples kept
     * @param scale    turns a sample's field into the plotted value (for example bytes into MiB)
     * @param whole    whether the values are whole numbers, so the axis shows whole numbers only
     */
    constructor(figure, {series, format, capacity = 300, scale = value => value, whole = false}) {
        this.whole = whole;
        this.figure = figure;
        this.series = series;
        this.format = format;
        this.capacity = capacity;
        this.scale = scale;
        this.samples = [];
        const caption = figure.querySelector('figcaption');
        if (series.length > 1 && caption) {
            caption.append(Object.assign(document.createElement('span'), {className: 'legend'}));
            const legend = caption.querySelector('.legend');
            series.forEach((each, index) => {
                legend.append(Object.assign(document.createElement('span'), {
                    className: `series-${index}`, textContent: each.label}));
            });
        }
        this.svg = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'data-points': 0});
        figure.append(this.svg);
        this.render();
    }

    /** Replaces every sample. */
    set(samples) {
        this.samples = samples.slice(-this.capacity);
        this.render();
    }

    /** Adds the newest sample. */
    add(sample) {
        const last = this.samples[this.samples.length - 1];
        if (last && Date.parse(sample.time) <= Date.parse(last.time)) return;
        this.samples.push(sample);
        if (this.samples.length > this.capacity) this.samples.shift();
        this.render();
    }

    render() {
        const chart = this.svg;
        chart.replaceChildren();
        chart.setAttribute('data-points', this.samples.length);
        const plotWidth = WIDTH - LEFT - RIGHT;
        const plotHeight = HEIGHT - TOP - BOTTOM;
        const values = this.samples.flatMap(sample => this.series.map(each => this.value(sample, each)))
            .filter(value => value !== null);
        const top = niceCeiling(Math.max(0, ...values), this.whole);
        for (let i = 0; i <= 4; i++) {
            const y = TOP + plotHeight - (plotHeight * i) / 4;
            chart.append(svg('line', {class: 'axis', x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y}));
            chart.append(svg('text', {class: 'tick', x: LEFT - 6, y: y + 3, 'text-anchor': 'end'},
                this.format((top * i) / 4)));
        }
        if (this.samples.length < 2) {
            chart.append(svg('text', {class: 'empty', x: LEFT + plotWidth / 2, y: TOP + plotHeight / 2,
                'text-anchor': 'middle'}, this.samples.length ? 'collecting samples…' : 'no samples yet'));
            return;
        }
        const first = Date.parse(this.samples[0].time);
        const last = Date.parse(this.samples[this.samples.length - 1].time);
        const span = Math.max(1, last - first);
        const x = sample => LEFT + (plotWidth * (Date.parse(sample.time) - first)) / span;
        const y = value => TOP + plotHeight - (plotHeight * value) / top;
        this.series.forEach((each, index) => {
            const points = this.samples
                .map(sample => [sample, this.value(sample, each)])
                .filter(([, value]) => value !== null)
                .map(([sample, value]) => `${x(sample).toFixed(1)},${y(value).toFixed(1)}`);
            chart.append(svg('polyline', {class: `line series-${index}`, points: points.join(' '),
                'data-series': each.key}));
        });
        chart.append(svg('text', {class: 'tick', x: LEFT, y: HEIGHT - 5}, clock(new Date(first))));
        chart.append(svg('text', {class: 'tick', x: WIDTH - RIGHT, y: HEIGHT - 5, 'text-anchor': 'end'},
            clock(new Date(last))));
    }

    value(sample, series) {
        const raw = sample[series.key];
        return raw === null || raw === undefined ? null : this.scale(raw);
    }
}
