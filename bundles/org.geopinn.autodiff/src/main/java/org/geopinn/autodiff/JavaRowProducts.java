package org.geopinn.autodiff;

/** {@link RowProducts} by {@link Gemm#dotRows}: per component, register-blocked dot products. */
final class JavaRowProducts implements RowProducts {
    static final JavaRowProducts INSTANCE = new JavaRowProducts();

    private JavaRowProducts() {
    }

    @Override
    public void accumulate(double[][][] x, int xRows, double[][][] y, int yRows, int components, int length, double[] out,
            int off) {
        for (int c = 0; c < components; c++) {
            Gemm.dotRows(x[c], 0, xRows, y[c], yRows, length, out, off);
        }
    }

    @Override
    public String name() {
        return "java";
    }
}
