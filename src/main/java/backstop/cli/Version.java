package backstop.cli;

import picocli.CommandLine;

/** The version written into the jar's manifest by the build. */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Backstop " + current(), "Java " + System.getProperty("java.version")};
    }
}
