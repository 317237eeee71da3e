package dev.orrery.internal;

/** Orrery's version, from the core jar's manifest. */
public final class Version {

    private Version() {
    }

    /** @return the version, or {@code dev} when running from classes rather than a jar */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
