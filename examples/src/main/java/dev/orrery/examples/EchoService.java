package dev.orrery.examples;

/** The implementation of {@link Echo}. */
public final class EchoService implements Echo {

    @Override
    public String echo(String text) {
        return text;
    }

    @Override
    public byte[] echoBytes(byte[] bytes) {
        return bytes;
    }
}
