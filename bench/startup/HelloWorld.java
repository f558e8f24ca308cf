import io.javalin.Javalin;

/** The yardstick for Backstop's start-up: a Javalin hello world answering /health, nothing else. */
public final class HelloWorld {
    private HelloWorld() {}

    public static void main(String[] args) {
        Javalin.create(config -> config.routes.get("/health", ctx -> ctx.result("ok")))
                .start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
