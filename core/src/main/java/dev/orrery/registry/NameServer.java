package dev.orrery.registry;

import dev.orrery.Idempotent;
import dev.orrery.Service;
import dev.orrery.Sink;
import dev.orrery.Subscription;
import java.util.List;
import java.util.Map;

/**
 * The name server: where instances of services register, and where callers find them. It is an ordinary
 * Orrery service, served by {@code orrery nameserver} on port 2012 by default.
 *
 * <p>An instance holds a lease: it disappears unless renewed within its TTL. Only the holder of an
 * instance's owner token may renew, update or deregister it; anyone else gets
 * {@link dev.orrery.Status#PERMISSION_DENIED}.
 */
@Service(NameServer.NAME)
public interface NameServer {

    /** The service name. */
    String NAME = "orrery.nameserver";

    /** The default port of {@code orrery nameserver}. */
    int DEFAULT_PORT = 2012;

    /**
     * Registers an instance of a service.
     *
     * @param spec the service name, endpoints, metadata and lease TTL
     * @return the instance's id and the owner token that renews, updates and deregisters it
     * @throws dev.orrery.OrreryException {@link dev.orrery.Status#INVALID_ARGUMENT} when the name,
     *     endpoints, metadata or TTL are not valid, saying what is allowed
     */
    Registration register(InstanceSpec spec);

    /**
     * Renews an instance's lease for another TTL.
     *
     * @param instanceId the instance
     * @param ownerToken the token {@link #register} returned
     * @return the lease
     * @throws dev.orrery.OrreryException {@link dev.orrery.Status#NOT_FOUND} when the name server does not
     *     know the instance (it expired, or the name server restarted): register again;
     *     {@link dev.orrery.Status#PERMISSION_DENIED} when the token is not the owner's
     */
    @Idempotent
    Lease renew(String instanceId, String ownerToken);

    /**
     * Replaces an instance's metadata.
     *
     * @param instanceId the instance
     * @param ownerToken the owner's token
     * @param metadata   the new metadata
     * @return the instance as now registered
     */
    @Idempotent
    Instance update(String instanceId, String ownerToken, Map<String, String> metadata);

    /**
     * Removes an instance at once; watchers see it deregistered.
     *
     * @param instanceId the instance
     * @param ownerToken the owner's token
     * @return whether it was registered
     */
    @Idempotent
    boolean deregister(String instanceId, String ownerToken);

    /**
     * The live instances of a service.
     *
     * @param service the service name
     * @param filter  metadata every returned instance must have (key and equal value); empty for all
     * @return the instances, oldest first
     */
    @Idempotent
    List<Instance> locate(String service, Map<String, String> filter);

    /**
     * The services whose names match a glob, with their instance counts.
     *
     * @param glob such as {@code *}, {@code demo.*} or {@code demo.e?ho}
     * @return the services, by name
     */
    @Idempotent
    List<ServiceSummary> list(String glob);

    /**
     * Streams the changes to the instances of the services matching a glob, as they happen: first every
     * matching instance as {@link RegistryEvent.Kind#REGISTERED}, then {@link RegistryEvent.Kind#CURRENT},
     * then each change.
     *
     * @param glob   such as {@code *} or {@code demo.*}
     * @param events receives the events
     * @return the open watch; close it to stop
     */
    Subscription watch(String glob, Sink<RegistryEvent> events);

    /**
     * What the name server knows of itself.
     *
     * @return uptime, counts and version
     */
    @Idempotent
    NameServerStats stat();
}
