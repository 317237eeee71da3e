package dev.orrery.cli;

import dev.orrery.Endpoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an endpoint such as {@code tcp://127.0.0.1:7070}, turning a malformed one into a usage error. */
final class EndpointConverter implements ITypeConverter<Endpoint> {

    @Override
    public Endpoint convert(String text) {
        try {
            return Endpoint.parse(text);
        } catch (IllegalArgumentException e) {
            TypeConversionException error = new TypeConversionException(e.getMessage());
            error.initCause(e);
            throw error;
        }
    }
}
