package backstop.diary;

/** What an import does with bad rows. */
public enum ImportMode {
    /** Any bad row refuses the whole file, with every problem listed, so nothing is written. */
    STRICT,
    /** Good rows are kept and the bad ones reported (the CLI's {@code --skip-bad}). */
    SKIP_BAD
}
