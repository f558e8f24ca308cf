package backstop;

import backstop.cli.BackstopCommand;

/** Entry point of the jar: the command line decides what to run. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(BackstopCommand.run(args));
    }
}
