package dev.orrery.internal.registry;

import dev.orrery.Endpoint;
import dev.orrery.SharedMemory;
import dev.orrery.registry.Instance;
import java.util.Set;

/**
 * Which of an instance's endpoints this node calls: its shared-memory endpoint when the instance runs beside
 * this process (same host identity, see {@link HostIdentity}) and shared memory is allowed, otherwise the first
 * endpoint of another scheme this node has a transport for.
 *
 * @param schemes      the schemes this node has transports for
 * @param sharedMemory the node's use of shared memory
 * @param identity     this process's host identity
 */
public record EndpointChoice(Set<String> schemes, SharedMemory sharedMemory, String identity) {

    /** The scheme of the shared-memory transport. */
    public static final String SHARED_MEMORY_SCHEME = "shm";

    /**
     * A choice for this process.
     *
     * @param schemes      the schemes this node has transports for
     * @param sharedMemory the node's use of shared memory
     */
    public EndpointChoice(Set<String> schemes, SharedMemory sharedMemory) {
        this(schemes, sharedMemory, HostIdentity.current());
    }

    /**
     * Validates the parts.
     *
     * @param schemes      the schemes this node has transports for
     * @param sharedMemory the node's use of shared memory
     * @param identity     this process's host identity
     */
    public EndpointChoice {
        schemes = Set.copyOf(schemes);
    }

    /**
     * The endpoint this node's calls to an instance go to.
     *
     * @param instance the instance
     * @return the endpoint, or {@code null} when this node can reach none of them
     */
    public Endpoint choose(Instance instance) {
        Endpoint other = null;
        for (String text : instance.endpoints()) {
            Endpoint endpoint;
            try {
                endpoint = Endpoint.parse(text);
            } catch (IllegalArgumentException e) {
                // An endpoint this version cannot read is one it cannot use; another may do.
                continue;
            }
            if (!schemes.contains(endpoint.scheme())) {
                continue;
            }
            if (endpoint.scheme().equals(SHARED_MEMORY_SCHEME)) {
                if (sharesMemoryWith(instance)) {
                    return endpoint;
                }
            } else if (other == null) {
                other = endpoint;
            }
        }
        return other;
    }

    private boolean sharesMemoryWith(Instance instance) {
        return switch (sharedMemory) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> identity.equals(instance.metadata().get(HostIdentity.METADATA_KEY));
        };
    }
}
