package org.geopinn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geopinn.api.model.ModelFactory;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.Catalog;
import org.geopinn.api.session.Command;
import org.geopinn.api.session.TrainingService;
import org.geopinn.settings.SettingsDescription;

/** What the command line needs of the running host. */
interface Services {
    /**
     * Waits until the host has started: the training service is there and the services have
     * stopped coming.
     *
     * @throws org.geopinn.api.GeopinnException with a clear message on timeout
     */
    void awaitReady();

    /** @return the training service */
    TrainingService training();

    /** @return the catalog */
    Catalog catalog();

    /** @param id a problem id @return the problem service */
    Optional<Problem> problem(String id);

    /**
     * Gives a problem configuration values (its coefficients) and waits until it carries them.
     *
     * @param id a problem id
     * @param settings values by setting name, as text
     * @return the problem with these settings
     * @throws org.geopinn.api.GeopinnException for an unknown problem or setting or a bad value
     */
    Problem configureProblem(String id, Map<String, String> settings);

    /**
     * Registers a problem declared in a properties file and waits until it is there.
     *
     * @param file the declaration (docs/PROBLEMS.md, "Declared problems")
     * @return the problem
     * @throws org.geopinn.api.GeopinnException when it cannot be read or does not register
     */
    default Problem declareProblem(Path file) {
        throw new org.geopinn.api.GeopinnException("this host cannot declare problems from files");
    }

    /**
     * Makes coefficients of a problem parametric for this run (one more input of the network each,
     * over its range) and waits until the re-declared problem is there: a declared problem is
     * re-declared, a problem written in Java builds itself again ({@code Problem.parametric}).
     *
     * @param id a problem's id
     * @param ranges the coefficients' ranges {lo, hi} by name
     * @return the re-declared problem
     * @throws org.geopinn.api.GeopinnException for a problem that is not declared, a name that is not one of its
     *         coefficients, or a declaration that does not allow it (a geometry)
     */
    default Problem parametricProblem(String id, Map<String, double[]> ranges) {
        throw new org.geopinn.api.GeopinnException("--parametric: this host cannot re-declare problems");
    }

    /** @param id a problem id @return its configured values by name (empty when it runs on its defaults) */
    Map<String, String> problemSettings(String id);

    /**
     * @param kind the service interface ({@code Problem}, {@code OptimizerFactory}, {@code LossWeightingFactory})
     * @param id its id
     * @return its settings as its bundle's metatype description declares them (through the
     *         {@code geopinn.config.pid} property); empty when it has none
     * @throws org.geopinn.api.GeopinnException when no such service is there
     */
    Optional<SettingsDescription> settingsDescription(Class<?> kind, String id);

    /** @param id a model id @return the model factory */
    Optional<ModelFactory> modelFactory(String id);

    /** @return the commands contributed by bundles, by name */
    Map<String, Command> commands();

    /** @return where sweep runs go when not on this machine's pool (a configured cluster), if anywhere */
    default Optional<org.geopinn.api.sweep.RunExecutor> runExecutor() {
        return Optional.empty();
    }

    /** @return the results writer */
    ResultWriter results();

    /** @return the Geopinn home (repository root: runs/, docs/) */
    Path home();

    /** @return whether standard output is a terminal */
    boolean terminal();

    /** @return lines of versions: bundle names and Java */
    Map<String, String> versions();

    /**
     * @param symbolicName a bundle's symbolic name
     * @return the versions of the installed bundles of that name (usually one), highest first
     */
    java.util.List<String> bundleVersions(String symbolicName);

    /** @return the names of the built-in commands, for messages */
    static List<String> builtIns() {
        return List.of("list", "help", "solve", "bench", "sweep", "load", "export");
    }
}
