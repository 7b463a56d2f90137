using Recommit.Contracts;
using Recommit.Money;
using static Recommit.Tests.Contracts.TestContracts;

namespace Recommit.Tests.Contracts;

/// <summary>Commitment utilisation and the effective savings rate (docs/method.md §3, docs/rates.md) worked by hand.</summary>
public class CommitmentRatesTests
{
    [Fact]
    public void Example_2_over_the_year_saves_14_90_percent_at_134_20_percent_utilisation()
    {
        var usage = UsageFrom(Jan2026, 110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230);

        var rates = CommitmentRates.From(Annual(1, 1200m, 0.20m), Ledger.Run(Annual(1, 1200m, 0.20m), usage));

        // List 2,013; effective = consumed 1,610.40 + premium 513 × 0.20 = 1,713; ESR = 300 / 2,013.
        Assert.Equal(300m / 2013m, rates.EffectiveSavingsRateToDate);
        Assert.Equal("14.90", Math.Round(rates.EffectiveSavingsRateToDate!.Value * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.342m, rates.UtilisationToDate);
        // January: 110 list, 88 consumed against a pace of 100: 88 % utilised, saving the full 20 %.
        Assert.Equal((0.88m, 0.20m), (rates.Months[0].Utilisation, rates.Months[0].EffectiveSavingsRate));
        // October passes capacity: 63 of its 210 is overage, premium 12.60; effective 168 + 12.60 = 180.60.
        Assert.Equal(new Usd(180.60m), rates.Months[9].EffectiveCost);
    }

    [Fact]
    public void Example_3_forfeits_1_080_in_the_closing_month_for_an_esr_of_minus_50_percent()
    {
        var contract = Annual(2, 2400m, 0.25m, carryover: new CarryoverRule(0.50m, 0.10m));
        var ledger = Ledger.Run(contract, Flat(Jan2026, 12, 120m));

        var rates = CommitmentRates.From(contract, ledger);

        // Of the 1,320 shortfall, 240 carries into year 2 and 1,080 is forfeited in December.
        Assert.Equal(new Usd(90m + 1080m), rates.Months[11].EffectiveCost);
        Assert.Equal(0.45m, rates.UtilisationToDate);                          // 1,080 / 2,400
        Assert.Equal(-0.5m, rates.EffectiveSavingsRateToDate);                 // (1,440 − 2,160) / 1,440
    }

    [Fact]
    public void A_month_without_usage_has_no_savings_rate_and_zero_utilisation()
    {
        var contract = Annual(1, 1200m, 0.20m);
        var rates = CommitmentRates.From(contract, Ledger.Run(contract, UsageFrom(Jan2026, 0m, 110m)));

        Assert.Equal((0m, (decimal?)null), (rates.Months[0].Utilisation, rates.Months[0].EffectiveSavingsRate));
        Assert.Equal(0.20m, rates.EffectiveSavingsRateToDate);
    }
}
