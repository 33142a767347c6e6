"""Opens Geopinn's VTK XML exports in ParaView (run with pvbatch) and renders each to a PNG.

Usage: pvbatch paraview_check.py OUT_DIR FILE.vti|FILE.vtu ...
For every file it prints the reader ParaView chose, the number of points and cells, and each
point array with its range, then writes OUT_DIR/NAME.png coloured by the first array.
"""
import os
import sys

from paraview.simple import (ColorBy, GetActiveViewOrCreate, GetColorTransferFunction, OpenDataFile, Render,
                             ResetCamera, SaveScreenshot, Show)


def check(path, out_dir):
    reader = OpenDataFile(path)
    if reader is None:
        raise SystemExit(f"ParaView found no reader for {path}")
    reader.UpdatePipeline()
    info = reader.GetDataInformation()
    arrays = reader.PointData
    print(f"{os.path.basename(path)}: reader {reader.GetXMLName()}, {info.GetNumberOfPoints()} points, "
          f"{info.GetNumberOfCells()} cells")
    names = arrays.keys()
    for name in names:
        lo, hi = arrays[name].GetRange()
        print(f"  {name}: range [{lo:.6g}, {hi:.6g}]")
    if not names:
        raise SystemExit(f"{path}: no point arrays")
    view = GetActiveViewOrCreate("RenderView")
    view.ViewSize = [640, 480]
    display = Show(reader, view)
    if path.endswith(".vtu"):
        display.SetRepresentationType("Points")
        display.PointSize = 3
    ColorBy(display, ("POINTS", names[0]))
    GetColorTransferFunction(names[0]).RescaleTransferFunction(*arrays[names[0]].GetRange())
    display.SetScalarBarVisibility(view, True)
    # Straight down the z axis with a parallel projection: a 2-D field seen as a map.
    view.CameraParallelProjection = 1
    view.CameraViewUp = [0, 1, 0]
    bounds = info.GetBounds()
    centre = [(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, (bounds[4] + bounds[5]) / 2]
    view.CameraFocalPoint = centre
    view.CameraPosition = [centre[0], centre[1], centre[2] + 10]
    ResetCamera(view)
    Render(view)
    png = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".png")
    SaveScreenshot(png, view, ImageResolution=[640, 480])
    print(f"  picture {png}")
    display.Visibility = 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit("usage: pvbatch paraview_check.py OUT_DIR FILE.vti|FILE.vtu ...")
    for f in sys.argv[2:]:
        check(f, sys.argv[1])
