using Recommit.Money;

namespace Recommit.Simulation;

/// <summary>How a simulated dollar figure is put into a sentence (docs/method.md §7).</summary>
internal static class SimulatedFigure
{
    /// <summary>
    /// Three significant figures (<c>$219,000</c>, not <c>$218,506.32</c>), the precision the sampling supports; on one
    /// given path (<c>--future</c>, the worked Examples) there is no sampling uncertainty and the figure stays to the cent.
    /// </summary>
    public static string Text(Usd value, int paths) => paths == 1 ? value.ToString() : value.ToSignificant(3).ToShortString();
}
