package dev.orrery.internal.rpc;

import dev.orrery.Codec;
import dev.orrery.Deadline;
import dev.orrery.Service;
import dev.orrery.WireCodec;
import dev.orrery.registry.Names;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service interface as Orrery sees it: its name and its remote methods. Built once per interface and
 * cached; immutable.
 */
public final class ServiceDescriptor {
    /** The built-in method every service answers; the dot keeps it apart from any Java method name. */
    public static final String DESCRIBE = ".describe";

    private static final ClassValue<ServiceDescriptor> CACHE = new ClassValue<>() {
        @Override
        protected ServiceDescriptor computeValue(Class<?> type) {
            return new ServiceDescriptor(type);
        }
    };

    private final Class<?> type;
    private final String name;
    private final byte[] nameBytes;
    private final Map<String, MethodDescriptor> byName;
    private final Map<Method, MethodDescriptor> byMethod;

    private ServiceDescriptor(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; a service is an interface "
                    + "annotated @Service(\"name\")");
        }
        Service service = type.getAnnotation(Service.class);
        if (service == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Service(\"name\") annotation");
        }
        this.type = type;
        this.name = checkName(service.value(), type);
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
        WireCodec codec = type.getAnnotation(WireCodec.class);
        Codec serviceCodec = codec == null ? null : codec.value();
        Deadline deadline = type.getAnnotation(Deadline.class);
        if (deadline != null && deadline.millis() <= 0) {
            throw new IllegalArgumentException(type.getName() + " has @Deadline(millis = " + deadline.millis()
                    + "); it must be positive");
        }
        long serviceDeadline = deadline == null ? 0 : deadline.millis();
        Map<String, MethodDescriptor> names = new LinkedHashMap<>();
        Map<Method, MethodDescriptor> methods = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            MethodDescriptor descriptor = new MethodDescriptor(method, names.size(), serviceCodec, serviceDeadline);
            MethodDescriptor clash = names.putIfAbsent(method.getName(), descriptor);
            if (clash != null) {
                throw new IllegalArgumentException(type.getName() + " declares " + method.getName()
                        + " more than once; the wire addresses methods by name, so give each overload its own name");
            }
            methods.put(method, descriptor);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byMethod = Map.copyOf(methods);
    }

    /**
     * The descriptor of a service interface.
     *
     * @param type the interface
     * @return its descriptor
     * @throws IllegalArgumentException when it is not a valid service, saying what to change
     */
    public static ServiceDescriptor of(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * Checks a service name.
     *
     * @param name  the name
     * @param owner where it came from, for the message
     * @return the name
     */
    static String checkName(String name, Class<?> owner) {
        if (!Names.isServiceName(name)) {
            throw new IllegalArgumentException("service name '" + name + "' of " + owner.getName() + " is not valid: "
                    + Names.SERVICE_NAME_RULE);
        }
        return name;
    }

    /** @return the interface */
    public Class<?> type() {
        return type;
    }

    /** @return the service name */
    public String name() {
        return name;
    }

    /** @return the name as UTF-8, for the SERVICE header */
    public byte[] nameBytes() {
        return nameBytes;
    }

    /** @return the methods by name, in declaration order of {@link Class#getMethods()} */
    public Map<String, MethodDescriptor> methods() {
        return byName;
    }

    /**
     * The descriptor of a method by name.
     *
     * @param method the name
     * @return the descriptor, or {@code null}
     */
    public MethodDescriptor method(String method) {
        return byName.get(method);
    }

    /**
     * The descriptor of an interface method.
     *
     * @param method the Java method
     * @return the descriptor, or {@code null} for default, static and {@code Object} methods
     */
    public MethodDescriptor method(Method method) {
        return byMethod.get(method);
    }
}
