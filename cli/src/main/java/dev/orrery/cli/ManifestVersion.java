package dev.orrery.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written in the cli jar's manifest by the build; a class-path run from sources has none. */
final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "orrery " + (version == null ? "(development build, no jar manifest)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
