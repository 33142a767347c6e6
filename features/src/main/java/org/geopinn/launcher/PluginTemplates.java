package org.geopinn.launcher;

/**
 * The files {@link PluginProject} writes. Placeholders: {@code %ID%} (the service's geopinn.id),
 * {@code %CLASS%}, {@code %PACKAGE%} (also the bundle's symbolic name and configuration PID),
 * {@code %VERSION%} (of the Geopinn artifacts), {@code %KIND%}.
 */
final class PluginTemplates {
    private PluginTemplates() {
    }

    static String pom(boolean problem) {
        String builder = problem ? """
                    <dependency><groupId>org.geopinn</groupId><artifactId>org.geopinn.problem.builder</artifactId><version>${geopinn.version}</version><scope>provided</scope><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                """ : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <!-- A Geopinn %KIND% plugin, written by ./geopinn new-plugin. Built against the Geopinn artifacts in the
                       local Maven repository (./geopinn or mvn install in the Geopinn checkout puts them there). -->
                  <groupId>org.example.geopinn</groupId>
                  <artifactId>%ID%-plugin</artifactId>
                  <version>1.0.0</version>
                  <name>Geopinn %KIND% plugin %ID%</name>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                    <geopinn.version>%VERSION%</geopinn.version>
                  </properties>

                  <dependencies>
                    <dependency><groupId>org.geopinn</groupId><artifactId>org.geopinn.api</artifactId><version>${geopinn.version}</version><scope>provided</scope><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                """ + builder + """
                    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.component.annotations</artifactId><version>1.5.1</version><scope>provided</scope><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                    <dependency><groupId>org.osgi</groupId><artifactId>org.osgi.service.metatype.annotations</artifactId><version>1.4.1</version><scope>provided</scope><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                    <dependency><groupId>org.osgi</groupId><artifactId>osgi.annotation</artifactId><version>8.1.0</version><scope>provided</scope><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-install-plugin</artifactId><version>3.1.3</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-deploy-plugin</artifactId><version>3.1.3</version></plugin>
                      <plugin>
                        <!-- Writes the bundle manifest and the Declarative Services and Metatype descriptors from the annotations. -->
                        <groupId>biz.aQute.bnd</groupId>
                        <artifactId>bnd-maven-plugin</artifactId>
                        <version>7.1.0</version>
                        <extensions>true</extensions>
                        <executions><execution><id>bnd-process</id><goals><goal>bnd-process</goal></goals></execution></executions>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                        <configuration><archive><manifestFile>${project.build.outputDirectory}/META-INF/MANIFEST.MF</manifestFile></archive></configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """;
    }

    static final String BND = """
            Bundle-SymbolicName: %PACKAGE%
            Bundle-Name: Geopinn %KIND% plugin %ID%
            # Declarative Services and Metatype descriptors from the annotations.
            -dsannotations: *
            -metatypeannotations: *
            -noextraheaders: true
            -reproducible: true
            """;

    static final String README = """
            # Geopinn %KIND% plugin `%ID%`

            Written by `./geopinn new-plugin %KIND% %ID%`. Build it (Java 17 and Maven; the Geopinn
            artifacts must be in your local Maven repository, which `./geopinn` puts there on its first run):

                mvn -B package

            Then use `target/%ID%-plugin-1.0.0.jar` from the Geopinn checkout (GEOPINN below):

                GEOPINN/geopinn list --plugin $PWD/target     # shows %ID% [%PACKAGE% 1.0.0]
                cp target/%ID%-plugin-1.0.0.jar GEOPINN/plugins/   # every command and the host load it

            Settings: drop `%PACKAGE%.cfg` (lines `name=value`) beside the jar in `plugins/`.
            The code is in `src/main/java/`; the Geopinn README's "How to write a plugin" explains the rest.
            """;

    static final String PROBLEM = """
            package %PACKAGE%;

            import static java.lang.Math.PI;
            import static java.lang.Math.sin;

            import org.geopinn.api.problem.Problem;
            import org.geopinn.problem.builder.ProblemBuilder;
            import org.geopinn.problem.builder.ProblemComponent;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.metatype.annotations.AttributeDefinition;
            import org.osgi.service.metatype.annotations.Designate;
            import org.osgi.service.metatype.annotations.ObjectClassDefinition;

            /**
             * 1-D Poisson -u'' = (kπ)² sin(kπx) on [0,1], u(0) = u(1) = 0; exact solution u = sin(kπx).
             * Change the conditions, the domain and the reference to define your own PDE.
             */
            @Component(service = Problem.class, property = "geopinn.id=%ID%", configurationPid = "%PACKAGE%", immediate = true)
            @Designate(ocd = %CLASS%.Config.class)
            public class %CLASS% extends ProblemComponent {
                /** Settings, from the configuration %PACKAGE% (a .cfg file beside the jar). */
                @ObjectClassDefinition(name = "%ID%")
                public @interface Config {
                    /** @return the frequency k of the exact solution */
                    @AttributeDefinition(description = "Frequency k of sin(kπx)", min = "1", max = "8")
                    int frequency() default 1;
                }

                /** @param config the settings */
                @Activate
                public %CLASS%(Config config) {
                    int k = ProblemBuilder.inRange("%ID%", "frequency", config.frequency(), 1, 8);
                    define(ProblemBuilder.problem("%ID%", "1-D Poisson -u'' = f on [0,1], u = sin(" + k + "πx)")
                            .variable("x", 0, 1).field("u").reference(p -> sin(k * PI * p[0])).setting("hidden", "16")
                            .condition("pde", "interior", "-u_xx", p -> k * k * PI * PI * sin(k * PI * p[0]), 64)
                            .condition("boundary", "boundary", "u", 2).build());
                }
            }
            """;

    static final String OPTIMIZER = """
            package %PACKAGE%;

            import java.util.Map;
            import java.util.Set;
            import org.geopinn.api.GeopinnException;
            import org.geopinn.api.operator.LeastSquaresSystem;
            import org.geopinn.api.optimizer.Optimizer;
            import org.geopinn.api.optimizer.OptimizerFactory;
            import org.geopinn.api.optimizer.OptimizerState;
            import org.geopinn.api.optimizer.StepResult;
            import org.osgi.service.component.annotations.Activate;
            import org.osgi.service.component.annotations.Component;
            import org.osgi.service.component.annotations.Modified;
            import org.osgi.service.metatype.annotations.AttributeDefinition;
            import org.osgi.service.metatype.annotations.Designate;
            import org.osgi.service.metatype.annotations.ObjectClassDefinition;

            /**
             * Gradient descent with heavy-ball momentum: v ← βv − η∇L, θ ← θ + v. A step that does not lower
             * the loss is undone and clears the velocity. Replace {@link Momentum#step} with your method.
             */
            @Component(service = OptimizerFactory.class, configurationPid = "%PACKAGE%",
                    property = {"geopinn.id=%ID%", "geopinn.description=gradient descent with momentum (plugin %ID%)"})
            @Designate(ocd = %CLASS%.Config.class)
            public class %CLASS% implements OptimizerFactory {
                /** Defaults, from the configuration %PACKAGE% (a .cfg file beside the jar); a chain overrides them per run. */
                @ObjectClassDefinition(name = "%ID%")
                public @interface Config {
                    /** @return the step size */
                    @AttributeDefinition(description = "step size η", min = "0")
                    double lr() default 1e-3;

                    /** @return the momentum */
                    @AttributeDefinition(description = "momentum β, from 0 to 1 (excluded)", min = "0", max = "1")
                    double momentum() default 0.9;
                }

                private volatile Config config;

                /** @param c the configured defaults */
                @Activate
                @Modified
                void configure(Config c) {
                    this.config = c;
                }

                @Override
                public String id() {
                    return "%ID%";
                }

                @Override
                public String description() {
                    return "gradient descent with momentum (plugin %ID%)";
                }

                @Override
                public Map<String, String> settings() {
                    return Map.of("lr", "step size η (default " + config.lr() + ")",
                            "momentum", "momentum β in [0, 1) (default " + config.momentum() + ")");
                }

                @Override
                public Optimizer create(Map<String, ?> overrides) {
                    for (String key : overrides.keySet()) {
                        if (!Set.of("lr", "momentum").contains(key)) {
                            throw new GeopinnException("%ID%: unknown setting '" + key + "'; settings are lr, momentum");
                        }
                    }
                    double lr = number(overrides, "lr", config.lr());
                    double beta = number(overrides, "momentum", config.momentum());
                    if (!(lr > 0) || !(beta >= 0 && beta < 1)) {
                        throw new GeopinnException("%ID%: lr must be > 0 and momentum from 0 to 1 (excluded), got lr=" + lr
                                + ", momentum=" + beta);
                    }
                    return new Momentum(lr, beta);
                }

                private static double number(Map<String, ?> overrides, String key, double fallback) {
                    Object v = overrides.get(key);
                    if (v == null) {
                        return fallback;
                    }
                    try {
                        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new GeopinnException("%ID%: " + key + " = '" + v + "' is not a number");
                    }
                }

                /** One optimizer instance: its velocity is its state. */
                static final class Momentum implements Optimizer {
                    private final double lr;
                    private final double beta;
                    private double[] velocity = new double[0];
                    private double[] gradient = new double[0];

                    Momentum(double lr, double beta) {
                        this.lr = lr;
                        this.beta = beta;
                    }

                    @Override
                    public String id() {
                        return "%ID%";
                    }

                    @Override
                    public StepResult step(LeastSquaresSystem system, double[] theta) {
                        int n = theta.length;
                        if (velocity.length != n) {
                            velocity = new double[n];
                            gradient = new double[n];
                        }
                        double before = system.lossAndGradient(theta, gradient);
                        if (!Double.isFinite(before)) {
                            return StepResult.rejected(before, 1, "the loss is not finite");
                        }
                        for (int i = 0; i < n; i++) {
                            velocity[i] = beta * velocity[i] - lr * gradient[i];
                            theta[i] += velocity[i];
                        }
                        double after = system.loss(theta);
                        if (!(after < before)) {
                            for (int i = 0; i < n; i++) {
                                theta[i] -= velocity[i];
                                velocity[i] = 0;
                            }
                            return StepResult.rejected(before, 2, "no decrease; velocity cleared");
                        }
                        return StepResult.accepted(before, after, lr, 2, "");
                    }

                    @Override
                    public OptimizerState exportState() {
                        return new OptimizerState(id(), velocity.length, Map.of("velocity", velocity), Map.of());
                    }

                    @Override
                    public void importState(OptimizerState state) {
                        if (!state.optimizerId().equals(id())) {
                            throw new GeopinnException("%ID%: cannot import the state of optimizer " + state.optimizerId());
                        }
                        velocity = state.array("velocity");
                        gradient = new double[velocity.length];
                    }
                }
            }
            """;
}
