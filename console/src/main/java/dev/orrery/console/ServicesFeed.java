package dev.orrery.console;

import dev.orrery.supervisor.Sample;
import dev.orrery.supervisor.ScaleDecision;
import dev.orrery.supervisor.SupervisorControl;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The feed of {@code GET /api/events}: every group once a tick; for a stream that names a group, also that group's
 * history (whole at first, then each new sample) and its scale decisions whenever they change. Only the hub's
 * thread uses it.
 */
final class ServicesFeed implements Feed {

    private final SseStream stream;
    private final SupervisorControl control;
    private final String group;
    private Instant lastSample;
    private boolean historySent;
    private ScaleDecision lastDecision;
    private int decisionCount = -1;

    /**
     * A feed.
     *
     * @param stream  the stream it fills
     * @param control the supervisor
     * @param group   the group whose history and decisions it adds, or {@code null}
     */
    ServicesFeed(SseStream stream, SupervisorControl control, String group) {
        this.stream = stream;
        this.control = control;
        this.group = group;
    }

    @Override
    public void tick(Tick tick) {
        stream.send("services", null, tick.servicesJson());
        if (group != null) {
            sendHistory();
            sendDecisions();
        }
    }

    private void sendHistory() {
        List<Sample> history = control.history(group);
        if (!historySent) {
            historySent = stream.send("history", null, JsonViews.write(JsonViews.array(history, JsonViews::sample)));
        } else {
            for (Sample sample : history) {
                if (lastSample == null || sample.time().isAfter(lastSample)) {
                    stream.send("sample", null, JsonViews.write(JsonViews.sample(sample)));
                }
            }
        }
        if (!history.isEmpty()) {
            lastSample = history.getLast().time();
        }
    }

    private void sendDecisions() {
        List<ScaleDecision> decisions = control.decisions(group);
        ScaleDecision last = decisions.isEmpty() ? null : decisions.getLast();
        if (decisions.size() != decisionCount || !Objects.equals(last, lastDecision)) {
            if (stream.send("decisions", null, JsonViews.write(JsonViews.array(decisions, JsonViews::decision)))) {
                decisionCount = decisions.size();
                lastDecision = last;
            }
        }
    }

    @Override
    public void close() {
        // nothing holds resources: the hub simply stops ticking it
    }
}
