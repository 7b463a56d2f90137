using Recommit.Money;

namespace Recommit.Simulation;

/// <summary>How a simulated dollar figure is put into a sentence (docs/method.md §7).</summary>
public static class SimulatedFigure
{
    /// <summary>
    /// Three significant figures (<c>$219,000</c>, not <c>$218,506.32</c>), the precision the sampling supports; on one
    /// given path (<c>--future</c>, the worked Examples) there is no sampling uncertainty and the figure stays to the cent.
    /// </summary>
    public static string Text(Usd value, int paths) => paths == 1 ? value.ToString() : value.ToSignificant(3).ToShortString();

    /// <summary>
    /// <see cref="Text(Usd, int)"/> for a figure a sentence compares with <paramref name="mark"/> (shown to the cent): with as
    /// many more significant figures as it takes to read on the same side of the mark as it is (a saving of $19,987
    /// against a $20,000.00 threshold reads "$19,990", never "$20,000 … less than … $20,000.00").
    /// </summary>
    public static string Text(Usd value, Usd mark, int paths)
    {
        if (paths == 1) return value.ToString();
        var side = value.RoundedToCents.Value.CompareTo(mark.RoundedToCents.Value);
        for (var digits = 3; digits <= 28; digits++)
        {
            var shown = value.ToSignificant(digits).RoundedToCents;
            if (shown.Value.CompareTo(mark.RoundedToCents.Value) == side) return shown.ToShortString();
        }
        return value.ToString();
    }
}
