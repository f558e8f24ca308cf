package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page's template takes the {@link Page} and one view record, so the record's constructor checks the Java call site
 * and JTE checks the template against the record; no template reads a map of loosely typed parameters.
 */
class TemplateViewsTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");

    @Test
    void everyPageTemplateTakesThePageAndOneViewRecord() throws IOException {
        List<String> pages = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String template : templates()) {
            Class<?>[] params = parameters(template);
            boolean isPage = params.length > 0 && params[0] == Page.class;
            if (!isPage || template.equals("layout.jte")) {
                continue;
            }
            pages.add(template);
            boolean typed = params.length == 1 || (params.length == 2 && params[1].isRecord());
            if (!typed) {
                wrong.add(template + " takes " + Arrays.toString(params));
            }
        }
        assertThat(pages).as("the page templates found").hasSizeGreaterThan(30);
        assertThat(wrong).as("templates not taking (Page page, SomeView view)").isEmpty();
    }

    private static List<String> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte"))
                    .map(p -> TEMPLATES.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** The template's parameters, read from the class the build compiled it to (without JTE's two of its own). */
    private static Class<?>[] parameters(String template) {
        int slash = template.lastIndexOf('/');
        String folder = slash < 0 ? "" : "." + template.substring(0, slash).replace('/', '.');
        String name = template.substring(slash + 1, template.length() - ".jte".length());
        String className = "gg.jte.generated.precompiled" + folder + ".Jte" + name + "Generated";
        try {
            Method render = Arrays.stream(Class.forName(className).getMethods())
                    .filter(m -> m.getName().equals("render") && Modifier.isStatic(m.getModifiers()))
                    .findFirst()
                    .orElseThrow();
            Class<?>[] all = render.getParameterTypes();
            return Arrays.copyOfRange(all, 2, all.length);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no compiled class for " + template + ": " + className, e);
        }
    }
}
