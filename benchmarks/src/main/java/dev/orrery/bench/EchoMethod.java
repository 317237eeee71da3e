package dev.orrery.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Which method of the echo service a benchmark calls. */
public enum EchoMethod {
    /** {@code byte[] echoBytes(byte[])}: raw bytes, no codec on either side. */
    ECHO_BYTES("echoBytes"),
    /** {@code String echo(String)}: a string of ASCII characters through Orrery's MessagePack codec. */
    ECHO("echo");

    private final String methodName;

    EchoMethod(String methodName) {
        this.methodName = methodName;
    }

    /**
     * The name of the method, as written on the command line.
     *
     * @return such as {@code echoBytes}
     */
    public String methodName() {
        return methodName;
    }

    /**
     * A payload of printable ASCII characters, so that its bytes and its string are the same size.
     *
     * @param size the number of bytes
     * @return the bytes
     */
    static byte[] asciiPayload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /**
     * The payload as text, for {@link #ECHO}.
     *
     * @param size the number of characters
     * @return the text
     */
    static String asciiText(int size) {
        return new String(asciiPayload(size), StandardCharsets.US_ASCII);
    }

    /** Reads {@code echoBytes} or {@code echo} from the command line. */
    public static final class Converter implements CommandLine.ITypeConverter<EchoMethod> {

        /** Creates the converter. */
        public Converter() {
        }

        @Override
        public EchoMethod convert(String value) {
            for (EchoMethod method : values()) {
                if (method.methodName.equalsIgnoreCase(value.strip())) {
                    return method;
                }
            }
            throw new CommandLine.TypeConversionException("unknown method '" + value + "': use one of "
                    + Arrays.stream(values()).map(EchoMethod::methodName).collect(Collectors.joining(", ")));
        }
    }
}
