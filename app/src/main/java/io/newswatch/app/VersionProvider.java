package io.newswatch.app;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = NewswatchCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "newswatch " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
