package dev.orrery.examples;

import dev.orrery.Service;

/** Sends back what it is given: the simplest service, and the one benchmarks measure. */
@Service("demo.echo")
public interface Echo {

    /**
     * Returns its argument.
     *
     * @param text any text
     * @return the same text
     */
    String echo(String text);

    /**
     * Returns its argument, passed raw: no codec on either side.
     *
     * @param bytes any bytes
     * @return the same bytes
     */
    byte[] echoBytes(byte[] bytes);
}
