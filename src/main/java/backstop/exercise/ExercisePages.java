package backstop.exercise;

import backstop.error.BadInputException;
import backstop.model.Cause;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The exercise library: open to anyone, filterable by cause, body area, category and equipment. */
public final class ExercisePages implements Routes {
    private final ExerciseCatalogue catalogue;
    private final Templates templates;

    public ExercisePages(ExerciseCatalogue catalogue, Templates templates) {
        this.catalogue = catalogue;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/exercises", this::library, Access.ANYONE);
        routes.get("/exercises/{id}", this::one, Access.ANYONE);
        routes.get("/exercises/{id}/illustration.svg", this::illustration, Access.ANYONE);
        api.get(
                "/api/v1/exercises",
                ctx -> ctx.json(catalogue.filter(filter(ctx))),
                Access.ANYONE,
                "Exercise library",
                "Every exercise, or those matching the filters `cause`, `area`, `category`"
                        + " (each may repeat; any match counts) and `equipment` (what you have at hand).",
                "A list of exercises with dose, steps, cues and sources.");
        api.get(
                "/api/v1/exercises/{id}",
                ctx -> ctx.json(catalogue.get(ctx.pathParam("id"))),
                Access.ANYONE,
                "One exercise",
                "One exercise of the library by its id.",
                "The exercise.");
    }

    private void library(Context ctx) {
        ExerciseFilter filter = filter(ctx);

        LibraryView view = new LibraryView(
                catalogue.filter(filter),
                catalogue.size(),
                filter,
                List.of(Cause.values()),
                List.of(BodyArea.values()),
                List.of(Category.values()),
                List.of(Equipment.values()));
        // htmx asks for the list alone when a filter changes.
        if ("true".equals(ctx.header("HX-Request"))) {
            templates.partial(ctx, "exercise/_list.jte", view);
        } else {
            templates.render(ctx, "exercise/library.jte", "Exercise library", view);
        }
    }

    private void one(Context ctx) {
        Exercise exercise = catalogue.get(ctx.pathParam("id"));
        templates.render(
                ctx,
                "exercise/exercise.jte",
                exercise.name(),
                new ExerciseView(exercise, catalogue, catalogue.sourcesOf(exercise)));
    }

    private void illustration(Context ctx) {
        String svg =
                catalogue.illustrationSvg(catalogue.get(ctx.pathParam("id")).id());
        ctx.contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=86400")
                .result(svg);
    }

    private static ExerciseFilter filter(Context ctx) {
        return ExerciseFilter.any()
                .withCauses(values(ctx, "cause", Cause.class, Cause::key))
                .withAreas(values(ctx, "area", BodyArea.class, BodyArea::code))
                .withCategories(values(ctx, "category", Category.class, Category::code))
                .withAvailable(values(ctx, "equipment", Equipment.class, Equipment::code));
    }

    /** Query values as enum constants; an unknown value is named, never ignored. */
    private static <E extends Enum<E>> Set<E> values(
            Context ctx, String name, Class<E> type, Function<E, String> code) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String value : ctx.queryParams(name)) {
            if (value.isBlank()) {
                continue;
            }
            E match = Arrays.stream(type.getEnumConstants())
                    .filter(e -> code.apply(e).equals(value))
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(
                            name,
                            "'" + value + "' is not one of "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(type.getEnumConstants())
                                                    .map(code)
                                                    .toList())));
            chosen.add(match);
        }
        return chosen;
    }
}
