package dev.orrery.internal.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.orrery.Codec;
import dev.orrery.Deadline;
import dev.orrery.Idempotent;
import dev.orrery.OneWay;
import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.WireCodec;
import dev.orrery.internal.codec.Codecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One remote method: its kind, its parameter and result types, and how they are encoded. Built once per
 * interface method; immutable and shared by clients and servers.
 */
public final class MethodDescriptor {
    private final Method method;
    /** The method's place among its service's methods, in {@link ServiceDescriptor#methods()} order. */
    private final int index;
    private final String name;
    private final byte[] nameBytes;
    private final MethodKind kind;
    private final Parameter[] parameters;
    private final JavaType[] parameterTypes;
    private final JavaType resultType;
    private final Codec codec;
    private final boolean rawArgument;
    private final boolean rawResult;
    private final boolean idempotent;
    private final long deadlineMillis;
    /** Per codec (by id), per parameter: thread-safe, built once. */
    private final ObjectWriter[][] argumentWriters = new ObjectWriter[3][];
    private final ObjectReader[][] argumentReaders = new ObjectReader[3][];
    private final ObjectWriter[] resultWriters = new ObjectWriter[3];
    private final ObjectReader[] resultReaders = new ObjectReader[3];

    MethodDescriptor(Method method, int index, Codec serviceCodec, long serviceDeadlineMillis) {
        this.method = method;
        this.index = index;
        this.name = method.getName();
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
        this.kind = kindOf(method);
        // A stream's sink is not sent: the wire carries the parameters before it.
        Parameter[] all = method.getParameters();
        this.parameters = kind == MethodKind.STREAM ? Arrays.copyOf(all, all.length - 1) : all;
        // The mapper's own factory knows the modules' types, such as Optional as a reference type.
        TypeFactory types = Codecs.JSON.getTypeFactory();
        this.parameterTypes = new JavaType[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            parameterTypes[i] = types.constructType(method.getGenericParameterTypes()[i]);
        }
        this.resultType = types.constructType(switch (kind) {
            case ASYNC -> futureValueType(method);
            case STREAM -> sinkValueType(method);
            default -> returnType(method);
        });
        this.rawArgument = parameters.length == 1 && isBytes(parameterTypes[0].getRawClass());
        this.rawResult = isBytes(resultType.getRawClass());
        WireCodec chosen = method.getAnnotation(WireCodec.class);
        Codec explicit = chosen != null ? chosen.value() : serviceCodec;
        if (explicit == Codec.RAW && !rawArgument) {
            throw new IllegalArgumentException(where() + " uses the RAW codec, which needs a single byte[] or "
                    + "ByteBuffer parameter");
        }
        this.codec = explicit != null ? explicit : rawArgument ? Codec.RAW : Codec.MSGPACK;
        this.idempotent = method.isAnnotationPresent(Idempotent.class);
        Deadline deadline = method.getAnnotation(Deadline.class);
        this.deadlineMillis = deadline != null ? checkedDeadline(deadline) : serviceDeadlineMillis;
        for (Codec each : new Codec[] {Codec.MSGPACK, Codec.JSON}) {
            ObjectMapper mapper = Codecs.mapper(each);
            ObjectWriter[] writers = new ObjectWriter[parameterTypes.length];
            ObjectReader[] readers = new ObjectReader[parameterTypes.length];
            for (int i = 0; i < parameterTypes.length; i++) {
                // Flushing after each value would cut a MessagePack array short.
                writers[i] = mapper.writerFor(parameterTypes[i]).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
                readers[i] = mapper.readerFor(parameterTypes[i]);
            }
            argumentWriters[each.id()] = writers;
            argumentReaders[each.id()] = readers;
            resultWriters[each.id()] = mapper.writerFor(resultType);
            resultReaders[each.id()] = mapper.readerFor(resultType);
        }
    }

    private MethodKind kindOf(Method m) {
        Class<?>[] types = m.getParameterTypes();
        boolean takesSink = types.length > 0 && types[types.length - 1] == Sink.class;
        boolean returnsSubscription = m.getReturnType() == Subscription.class;
        if (takesSink != returnsSubscription) {
            throw new IllegalArgumentException(where(m) + ": a stream method takes a Sink<T> as its last parameter "
                    + "and returns Subscription; it has " + (takesSink ? "the Sink but returns "
                    + m.getReturnType().getSimpleName() : "no Sink"));
        }
        for (int i = 0; i < types.length - 1; i++) {
            if (types[i] == Sink.class) {
                throw new IllegalArgumentException(where(m) + ": a Sink must be the last parameter");
            }
        }
        if (takesSink) {
            return MethodKind.STREAM;
        }
        boolean oneWay = m.isAnnotationPresent(OneWay.class);
        if (oneWay && m.getReturnType() != void.class) {
            throw new IllegalArgumentException(where(m) + " is @OneWay, so it must return void, not "
                    + m.getReturnType().getSimpleName());
        }
        if (oneWay) {
            return MethodKind.ONE_WAY;
        }
        return m.getReturnType() == CompletableFuture.class ? MethodKind.ASYNC : MethodKind.SYNC;
    }

    private Type futureValueType(Method m) {
        if (m.getGenericReturnType() instanceof ParameterizedType future) {
            return future.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException(where(m) + " returns a raw CompletableFuture; say what it completes with, "
                + "such as CompletableFuture<String>");
    }

    private Type sinkValueType(Method m) {
        Type[] generic = m.getGenericParameterTypes();
        if (generic[generic.length - 1] instanceof ParameterizedType sink) {
            return sink.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException(where(m) + " takes a raw Sink; say what it receives, such as Sink<String>");
    }

    private static Type returnType(Method m) {
        return m.getGenericReturnType() == void.class ? Void.class : m.getGenericReturnType();
    }

    private long checkedDeadline(Deadline deadline) {
        if (deadline.millis() <= 0) {
            throw new IllegalArgumentException(where() + " has @Deadline(millis = " + deadline.millis()
                    + "); it must be positive");
        }
        return deadline.millis();
    }

    static boolean isBytes(Class<?> type) {
        return type == byte[].class || type == ByteBuffer.class;
    }

    private String where() {
        return where(method);
    }

    private static String where(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }

    /** @return the Java method */
    public Method method() {
        return method;
    }

    /** @return the method's place among its service's methods, from 0, in {@link ServiceDescriptor#methods()} order */
    public int index() {
        return index;
    }

    /** @return the method's name */
    public String name() {
        return name;
    }

    /** @return the name as UTF-8, for the METHOD header */
    public byte[] nameBytes() {
        return nameBytes;
    }

    /** @return sync, async or one-way */
    public MethodKind kind() {
        return kind;
    }

    /** @return the codec clients use */
    public Codec codec() {
        return codec;
    }

    /** @return whether the method may be retried */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return the method's own default deadline in milliseconds, or 0 for none */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    /** @return the parameters, for names in descriptions and errors */
    public Parameter[] parameters() {
        return parameters.clone();
    }

    /** @return the parameter types */
    JavaType[] parameterTypes() {
        return parameterTypes.clone();
    }

    /** @return the type the result is decoded to */
    JavaType resultType() {
        return resultType;
    }

    /**
     * Encodes arguments.
     *
     * @param with the codec
     * @param args the arguments, {@code null} for none
     * @return the payload
     */
    public byte[] encodeArguments(Codec with, Object[] args) {
        if (with == Codec.RAW) {
            return bytesOf(args[0]);
        }
        ObjectMapper mapper = Codecs.mapper(with);
        ObjectWriter[] writers = argumentWriters[with.id()];
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        int count = args == null ? 0 : args.length;
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartArray(args, count);
            for (int i = 0; i < count; i++) {
                writers[i].writeValue(generator, args[i]);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "cannot encode the arguments of " + name + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes arguments, checking their number and types.
     *
     * @param with    the codec the payload uses
     * @param payload the payload
     * @return one object per parameter
     * @throws OrreryException with {@link Status#INVALID_ARGUMENT} saying which argument is wrong and why
     */
    public Object[] decodeArguments(Codec with, byte[] payload) {
        if (with == Codec.RAW) {
            if (!rawArgument) {
                throw new OrreryException(Status.INVALID_ARGUMENT, name + " takes " + signature()
                        + "; RAW payloads are only for a single byte[] parameter");
            }
            return new Object[] {rawValue(parameterTypes[0].getRawClass(), payload)};
        }
        if (payload.length == 0) {
            return checkCount(new Object[0], 0);
        }
        ObjectMapper mapper = Codecs.mapper(with);
        Object[] args = new Object[parameterTypes.length];
        int index = 0;
        try (JsonParser parser = mapper.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments of " + name
                        + " must be an array of " + parameterTypes.length + ", got " + describe(parser.currentToken()));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments of " + name + " end early");
                }
                if (index >= args.length) {
                    return checkCount(args, index + 1);
                }
                args[index] = readArgument(with, parser, index);
                index++;
            }
            if (hasTrailingData(parser)) {
                throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments of " + name
                        + " are followed by extra data");
            }
        } catch (IOException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments of " + name + " do not parse as "
                    + with + ": " + firstLine(e.getMessage()));
        }
        return checkCount(args, index);
    }

    private static boolean hasTrailingData(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonEOFException e) {
            // The MessagePack parser reports the end of its input this way rather than with a null token.
            return false;
        }
    }

    private Object readArgument(Codec with, JsonParser parser, int index) {
        try {
            Object value = argumentReaders[with.id()][index].readValue(parser);
            if (value == null && parameterTypes[index].isPrimitive()) {
                throw new OrreryException(Status.INVALID_ARGUMENT, "argument " + (index + 1) + " ("
                        + parameters[index].getName() + ") of " + name + " must not be null");
            }
            return value;
        } catch (IOException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "argument " + (index + 1) + " ("
                    + parameters[index].getName() + ") of " + name + " must be of type "
                    + simpleName(parameters[index].getParameterizedType()) + ": " + firstLine(e.getMessage()));
        }
    }

    private Object[] checkCount(Object[] args, int count) {
        if (count != parameterTypes.length) {
            throw new OrreryException(Status.INVALID_ARGUMENT, name + " takes " + parameterTypes.length
                    + (parameterTypes.length == 1 ? " argument" : " arguments") + " " + signature() + ", got "
                    + count + (count == parameterTypes.length + 1 ? " or more" : ""));
        }
        return args;
    }

    /**
     * The parameter list as people read it, such as {@code (String text, int times)}.
     *
     * @return the list
     */
    public String signature() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(simpleName(parameters[i].getParameterizedType())).append(' ').append(parameters[i].getName());
        }
        return text.append(')').toString();
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName().replaceAll("[a-z0-9_]+\\.", "");
    }

    /**
     * The codec of the reply to a call made with {@code callCodec}.
     *
     * @param callCodec the call's codec
     * @return the reply's codec
     */
    public Codec replyCodec(Codec callCodec) {
        if (callCodec == Codec.RAW) {
            return rawResult ? Codec.RAW : Codec.MSGPACK;
        }
        return callCodec;
    }

    /**
     * Encodes a result.
     *
     * @param with  the reply's codec
     * @param value the result
     * @return the payload
     */
    public byte[] encodeResult(Codec with, Object value) {
        if (with == Codec.RAW) {
            return value == null ? new byte[0] : bytesOf(value);
        }
        try {
            return resultWriters[with.id()].writeValueAsBytes(value);
        } catch (IOException e) {
            throw new OrreryException(Status.INTERNAL, "cannot encode the result of " + name + " as " + with + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Decodes a result.
     *
     * @param with    the reply's codec
     * @param payload the payload
     * @return the result
     */
    public Object decodeResult(Codec with, byte[] payload) {
        if (with == Codec.RAW) {
            return rawValue(resultType.getRawClass(), payload);
        }
        if (resultType.getRawClass() == Void.class) {
            return null;
        }
        try {
            return resultReaders[with.id()].readValue(payload);
        } catch (IOException e) {
            throw new OrreryException(Status.INTERNAL, "cannot decode the result of " + name + " from " + with + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static Object rawValue(Class<?> type, byte[] payload) {
        return type == ByteBuffer.class ? ByteBuffer.wrap(payload) : payload;
    }

    private static byte[] bytesOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new OrreryException(Status.INVALID_ARGUMENT, "a RAW payload must be byte[] or ByteBuffer, got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static String describe(JsonToken token) {
        return token == null ? "nothing" : token.asString() != null ? token.asString() : token.name();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
