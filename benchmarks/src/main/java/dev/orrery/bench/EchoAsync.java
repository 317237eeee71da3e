package dev.orrery.bench;

import dev.orrery.Service;
import java.util.concurrent.CompletableFuture;

/**
 * {@code demo.echo} as an asynchronous client sees it: the same remote methods as {@link dev.orrery.examples.Echo},
 * whose calls return at once with a future. The server's methods stay synchronous; only this side does not wait.
 */
@Service("demo.echo")
public interface EchoAsync {

    /**
     * @param bytes any bytes
     * @return the same bytes, later
     */
    CompletableFuture<byte[]> echoBytes(byte[] bytes);

    /**
     * @param text any text
     * @return the same text, later
     */
    CompletableFuture<String> echo(String text);
}
