package dev.orrery.internal.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.orrery.Codec;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The two Jackson mappers every node shares. Neither enables polymorphic typing, so no class name is ever
 * read from the wire; unknown properties are ignored so that a newer peer may add fields to a record.
 */
public final class Codecs {

    /** JSON: text for people, scripts and the command line. */
    public static final ObjectMapper JSON = configure(JsonMapper.builder()).build();

    /** MessagePack: compact binary, the default on the wire. */
    public static final ObjectMapper MSGPACK = configure(JsonMapper.builder(new MessagePackFactory())).build();

    private Codecs() {
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /**
     * The mapper of a codec.
     *
     * @param codec {@link Codec#MSGPACK} or {@link Codec#JSON}
     * @return its mapper
     * @throws IllegalArgumentException for {@link Codec#RAW}, which has none
     */
    public static ObjectMapper mapper(Codec codec) {
        return switch (codec) {
            case MSGPACK -> MSGPACK;
            case JSON -> JSON;
            case RAW -> throw new IllegalArgumentException("the RAW codec passes bytes and has no mapper");
        };
    }
}
