package vn.complaintdesk.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The log book: who did what and when, append-only. An entry is its type and parameters (codes,
 * numbers, dates), rendered in the reader's language by {@link LogBookText}; {@code text} holds only
 * words a person wrote.
 */
@Repository
public class ComplaintEventLog {

    public static final String SYSTEM = "system";
    public static final String CUSTOMER = "customer";

    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
    };

    /** {@code params} is null for entries recorded before the log book kept parameters. */
    public record Event(OffsetDateTime at, String actor, String type, String detail, Map<String, String> params) {

        public boolean structured() {
            return params != null;
        }
    }

    /** Published in the recording transaction, for those who tell staff what happened (alerts). */
    public record Recorded(long complaintId, String actor, String type, Map<String, String> params) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    public ComplaintEventLog(JdbcClient jdbc, Clock clock, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    public void record(long complaintId, String actor, String type) {
        record(complaintId, actor, type, Map.of(), null);
    }

    /** An entry whose only content is what a person wrote (a note, a reason). */
    public void record(long complaintId, String actor, String type, String text) {
        record(complaintId, actor, type, Map.of(), text);
    }

    public void record(long complaintId, String actor, String type, Map<String, ?> params) {
        record(complaintId, actor, type, params, null);
    }

    /** Null parameter values are left out; dates as ISO text, codes as their names. */
    public void record(long complaintId, String actor, String type, Map<String, ?> params, String text) {
        Map<String, String> values = values(params);
        jdbc.sql("""
                INSERT INTO complaint_event (complaint_id, occurred_at, actor, event_type, detail, params)
                VALUES (:complaintId, :at, :actor, :type, :detail, :params)""")
                .param("complaintId", complaintId)
                .param("at", OffsetDateTime.now(clock))
                .param("actor", actor == null ? SYSTEM : actor)
                .param("type", type)
                .param("detail", truncate(text))
                .param("params", write(values))
                .update();
        events.publishEvent(new Recorded(complaintId, actor == null ? SYSTEM : actor, type, values));
    }

    public List<Event> of(long complaintId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, event_type, detail, params FROM complaint_event
                WHERE complaint_id = :id ORDER BY occurred_at, id""")
                .param("id", complaintId)
                .query((rs, n) -> new Event(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("event_type"), rs.getString("detail"), params(rs.getString("params"))))
                .list();
    }

    public long count(long complaintId, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = :id AND event_type = :type")
                .param("id", complaintId).param("type", type).query(Long.class).single();
    }

    private static Map<String, String> values(Map<String, ?> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value instanceof Enum<?> code ? code.name() : value.toString());
            }
        });
        return values;
    }

    private String write(Map<String, String> values) {
        try {
            return truncate(json.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded parameters, null for entries recorded before the log book kept them. */
    Map<String, String> params(String params) {
        if (params == null) {
            return null;
        }
        try {
            return json.readValue(params, PARAMS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
