package org.geopinn.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.model.Model;
import org.geopinn.api.problem.Domain;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.problem.ReferenceSolution;
import org.geopinn.cli.export.MlpOnnx;
import org.geopinn.cli.export.SampledBox;
import org.geopinn.cli.export.VtkXml;
import org.geopinn.models.ParameterFile;

/**
 * {@code export DIR [--onnx FILE] [--vtk-xml FILE.vti|FILE.vtu] [--resolution N]}: writes the
 * trained network of a results directory as an ONNX model, and/or its fields (with the
 * problem's reference and the absolute error when it has one) as VTK XML, without retraining.
 */
final class ExportCommand {
    /** The usage line, also in {@code help}. */
    static final String USAGE = "export DIR [--onnx FILE.onnx] [--vtk-xml FILE.vti|FILE.vtu] [--resolution N]";
    private static final int DEFAULT_RESOLUTION_2D = 101;
    private static final int DEFAULT_RESOLUTION_3D = 41;

    private final Services services;
    private final PrintStream out;

    ExportCommand(Services services, PrintStream out, PrintStream err) {
        this.services = services;
        this.out = out;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, Set.of("onnx", "vtk-xml", "resolution"), Set.of());
        if (o.positional().size() != 1 || !(o.has("onnx") || o.has("vtk-xml"))) {
            throw new GeopinnException("usage: " + USAGE + " (at least one of --onnx, --vtk-xml)");
        }
        String vtk = o.has("vtk-xml") ? o.get("vtk-xml") : null;
        String vtkKind = vtk == null ? "" : vtk.toLowerCase(Locale.ROOT);
        if (vtk != null && !vtkKind.endsWith(".vti") && !vtkKind.endsWith(".vtu")) {
            throw new GeopinnException("--vtk-xml " + vtk + ": the file name must end in .vti (grid on the box) or .vtu (point set)");
        }
        Integer resolution = o.has("resolution") ? resolution(o.get("resolution")) : null;
        Path dir = Path.of(o.positional().get(0)).toAbsolutePath();
        services.awaitReady();
        SavedSolution.Loaded loaded = SavedSolution.load(dir, services::modelFactory, r -> problem(services, r));
        RunRecord rec = loaded.record();
        if (o.has("onnx") && !rec.hard().isEmpty()) {
            throw new GeopinnException("--onnx: the solution in " + dir + " is u = g + φ·N with the hard conditions of fields "
                    + rec.hard() + "; ONNX carries the network N only, so it is not written (export --vtk-xml writes u)");
        }
        if (o.has("onnx")) {
            Model network = services.modelFactory(rec.modelId()).orElseThrow().create(rec.spec());
            Model model = SavedSolution.withSavedCoefficients(network, dir);
            // ONNX carries the network only; trained coefficients (the last entries of θ) are in summary.json.
            double[] theta = java.util.Arrays.copyOf(ParameterFile.read(dir.resolve(ResultWriter.PARAMETERS), model.layout()),
                    network.parameterCount());
            byte[] onnx = MlpOnnx.write(rec.modelId(), rec.spec(), network.layout(), theta, rec.problem(), rec.variables());
            Path target = Path.of(o.get("onnx")).toAbsolutePath();
            AtomicFiles.write(target, stream -> stream.write(onnx));
            out.println("wrote " + target + ": ONNX (opset 17, float64) input x [N, " + rec.variables().size() + "] = ("
                    + String.join(", ", rec.variables()) + "), output u [N, " + rec.spec().fields().size() + "] = ("
                    + String.join(", ", rec.spec().fields()) + ")");
        }
        if (vtk != null) {
            Optional<Problem> problem = problem(services, rec);
            Domain domain = problem.map(Problem::domain).orElseGet(() -> new Domain(rec.variables(), rec.spec().inputLower(),
                    rec.spec().inputUpper(), List.of()));
            ReferenceSolution reference = problem.flatMap(Problem::reference).orElse(null);
            int perAxis = resolution != null ? resolution : domain.dimension() >= 3 ? DEFAULT_RESOLUTION_3D : DEFAULT_RESOLUTION_2D;
            // A geometry's points only: the .vtu keeps those inside it, the .vti blanks (NaN) the others.
            SampledBox sampled = SampledBox.sample(domain, loaded.solution(), reference, perAxis);
            SampledBox grid = vtkKind.endsWith(".vti") ? sampled.maskedOutside(domain) : sampled.insideOnly(domain);
            String title = rec.problem() + " from " + dir.getFileName() + ", " + rec.steps() + " steps";
            String text = vtkKind.endsWith(".vti") ? VtkXml.imageData(grid, title) : VtkXml.unstructured(grid, title);
            Path target = Path.of(vtk).toAbsolutePath();
            AtomicFiles.write(target, stream -> stream.write(text.getBytes(StandardCharsets.US_ASCII)));
            out.println("wrote " + target + ": " + grid.count() + " points, arrays " + String.join(", ", grid.arrays().keySet())
                    + (reference == null ? " (the problem has no reference solution here)" : "")
                    + (grid.slice().isEmpty() ? "" : "; " + grid.slice())
                    + (domain.geometry().isEmpty() ? "" : vtkKind.endsWith(".vti") ? "; points outside the geometry are NaN"
                            : "; the grid points inside the geometry"));
        }
        return 0;
    }

    /** The run's problem with the run's settings, when this host has it. */
    static Optional<Problem> problem(Services services, RunRecord rec) {
        if (services.problem(rec.problem()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rec.problemSettings().isEmpty() ? services.problem(rec.problem()).get()
                : services.configureProblem(rec.problem(), rec.problemSettings()));
    }

    private static int resolution(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 2 && n <= 1001) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GeopinnException("--resolution " + text + ": grid points per axis must be an integer from 2 to 1001");
    }
}
