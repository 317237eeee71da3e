package dev.orrery;

/**
 * Calls any service by name with JSON arguments, without its Java interface: what the command line and
 * gateways use. Obtain one from {@link Node#dynamic(Endpoint)}.
 */
public interface DynamicClient {

    /**
     * The description of a service: methods, parameter names and JSON schemas, return types, codecs.
     *
     * @param service the service name
     * @return the description as a JSON object
     * @throws OrreryException with {@link Status#NOT_FOUND} when the peer does not serve it
     */
    String describe(String service);

    /**
     * Calls a method with JSON arguments; the peer converts them to the method's parameter types.
     *
     * @param service  the service name
     * @param method   the method name
     * @param jsonArgs a JSON array with one element per parameter
     * @return the result as JSON ({@code null} for void methods)
     * @throws OrreryException with the remote status when the call fails
     */
    String call(String service, String method, String jsonArgs);
}
