/**
 * The supervisor's web console: its pages, the JSON API behind them, the HTTP gateway to services and the
 * Prometheus endpoint.
 */
package dev.orrery.console;
