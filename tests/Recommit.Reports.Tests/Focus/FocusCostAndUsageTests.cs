using System.Collections.Immutable;
using Recommit.Contracts;
using Recommit.Money;
using Recommit.Reports.Focus;
using Recommit.Time;

namespace Recommit.Reports.Tests.Focus;

/// <summary>
/// The FOCUS cost-and-usage export against the specification's own appendix examples "SaaS spend agreement" A1 (billed
/// in arrears) and B1 (prepaid): $1,200 over 12 months from April 2025 at 20 % off list, list usage 60, 150 and 75 in
/// the first three months and nothing after, leaving 972 unused at the end. Figures below are the appendix's.
/// </summary>
public class FocusCostAndUsageTests
{
    private static readonly YearMonth April2025 = new(2025, 4);

    private static Contract SpendAgreement(BillingMode billing, string name = "AwesomeCorp") =>
        new(name, April2025, [new CommitmentPeriod(12, new Usd(1200m))], 0.20m, 0m, CarryoverRule.None, billing, false);

    private static readonly FamilyListUsage[] AppendixUsage =
    [
        new(April2025, "sonnet", new Usd(60m)),
        new(April2025.AddMonths(1), "sonnet", new Usd(150m)),
        new(April2025.AddMonths(2), "sonnet", new Usd(75m)),
    ];

    /// <summary>The written CSV's rows as column → value maps.</summary>
    private static List<Dictionary<string, string>> Written(Contract contract, IReadOnlyList<FamilyListUsage> usage, YearMonth through)
    {
        var csv = FocusCsv.CostAndUsage(contract, FocusCostAndUsage.Build(contract, usage, through));
        Assert.Empty(FocusRules.Validate(csv, FocusDataset.CostAndUsage));
        var rows = FocusRules.Parse(csv);
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>
    /// Each row's category, frequency, billed, effective, list and contracted cost, billing month, and charge period
    /// (first month, exclusive end month), as the appendix gives them; dates are written as midnight UTC on the 1st.
    /// </summary>
    private static void AssertRows(List<Dictionary<string, string>> rows,
        params (string Category, string Frequency, string Billed, string Effective, string List, string Contracted, string Billing, string ChargeStart, string ChargeEnd)[] expected)
    {
        static string Day(string month) => month + "-01T00:00:00Z";
        Assert.Equal(expected.Length, rows.Count);
        foreach (var (e, r) in expected.Zip(rows))
        {
            Assert.Equal((e.Category, e.Frequency, e.Billed, e.Effective, e.List, e.Contracted),
                (r["ChargeCategory"], r["ChargeFrequency"], r["BilledCost"], r["EffectiveCost"], r["ListCost"], r["ContractedCost"]));
            Assert.Equal((Day(e.Billing), Day(YearMonth.Parse(e.Billing).AddMonths(1).ToString()), Day(e.ChargeStart), Day(e.ChargeEnd)),
                (r["BillingPeriodStart"], r["BillingPeriodEnd"], r["ChargePeriodStart"], r["ChargePeriodEnd"]));
        }
    }

    [Fact]
    public void Spend_agreement_A1_billed_in_arrears_comes_out_as_in_the_specification()
    {
        var rows = Written(SpendAgreement(BillingMode.Arrears), AppendixUsage, new YearMonth(2026, 3));

        AssertRows(rows,
            ("Usage", "Usage-Based", "48.00", "48.00", "60.00", "48.00", "2025-04", "2025-04", "2025-05"),
            ("Usage", "Usage-Based", "120.00", "120.00", "150.00", "120.00", "2025-05", "2025-05", "2025-06"),
            ("Usage", "Usage-Based", "60.00", "60.00", "75.00", "60.00", "2025-06", "2025-06", "2025-07"),
            // The one unused-amount charge: billed in the final month, charged over the whole agreement, 0.81 of the 1,200.
            ("Usage", "One-Time", "972.00", "972.00", "972.00", "972.00", "2026-03", "2025-04", "2026-04"));
        Assert.Equal(("0.81", "Count", "1200", "1200"), (rows[3]["PricingQuantity"], rows[3]["PricingUnit"], rows[3]["ListUnitPrice"], rows[3]["ContractedUnitPrice"]));
        Assert.All(rows, r => Assert.Equal("USD", r["BillingCurrency"]));
    }

    [Fact]
    public void Spend_agreement_B1_prepaid_bills_the_purchase_up_front_and_the_rest_as_effective_cost_only()
    {
        var rows = Written(SpendAgreement(BillingMode.Prepaid), AppendixUsage, new YearMonth(2026, 3));

        AssertRows(rows,
            ("Purchase", "One-Time", "1200.00", "0.00", "1200.00", "1200.00", "2025-04", "2025-04", "2026-04"),
            ("Usage", "Usage-Based", "0.00", "48.00", "60.00", "48.00", "2025-04", "2025-04", "2025-05"),
            ("Usage", "Usage-Based", "0.00", "120.00", "150.00", "120.00", "2025-05", "2025-05", "2025-06"),
            ("Usage", "Usage-Based", "0.00", "60.00", "75.00", "60.00", "2025-06", "2025-06", "2025-07"),
            ("Usage", "One-Time", "0.00", "972.00", "972.00", "972.00", "2026-03", "2025-04", "2026-04"));
    }

    [Fact]
    public void Overage_is_billed_in_the_month_it_happens_and_shared_among_families_by_usage()
    {
        // Example 2 in k$: 1,200 at 20 % off, overage at list; capacity 1,500 is passed in month 10 (cumulative 1,563 → 63).
        // Month 10 has 210: split 150 sonnet / 60 opus, so opus carries 63 × 60 / 210 = 18 of the overage.
        decimal[] monthly = [110, 118, 125, 140, 150, 160, 170, 185, 195, 210, 220, 230];
        var usage = monthly.SelectMany((u, i) => new[]
        {
            new FamilyListUsage(new YearMonth(2026, 1).AddMonths(i), "sonnet", new Usd(u * 5 / 7)),
            new FamilyListUsage(new YearMonth(2026, 1).AddMonths(i), "opus", new Usd(u * 2 / 7)),
        }).ToArray();
        var contract = new Contract("Example 2", new YearMonth(2026, 1), [new CommitmentPeriod(12, new Usd(1200m))], 0.20m, 0m,
            CarryoverRule.None, BillingMode.Arrears, false);

        var charges = FocusCostAndUsage.Build(contract, usage);

        var october = charges.Where(c => c.BillingMonth == new YearMonth(2026, 10)).ToDictionary(c => c.Family!);
        var opusOverage = 18m;
        Assert.Equal((60m - opusOverage) * 0.8m + opusOverage, october["opus"].BilledCost.Value, 20);
        Assert.Equal(new Usd(1713m), charges.Aggregate(Usd.Zero, (s, c) => s + c.BilledCost).RoundedToCents);   // the ledger's bill
        Assert.DoesNotContain(charges, c => c.SkuId == "commitment");                                           // no shortfall
    }

    [Fact]
    public void A_carry_in_is_credited_when_it_enters_and_each_closed_period_bills_what_the_ledger_bills()
    {
        // Example 3: year 1 leaves 1,320 unused, of which 240 carries into year 2; year 2 at 150 a month leaves 1,290.
        var contract = new Contract("Example 3", new YearMonth(2026, 1), [new CommitmentPeriod(12, new Usd(2400m)), new CommitmentPeriod(12, new Usd(2400m))],
            0.25m, 0m, new CarryoverRule(0.5m, 0.1m), BillingMode.Arrears, false);
        var usage = Enumerable.Range(0, 24).Select(i => new FamilyListUsage(new YearMonth(2026, 1).AddMonths(i), "haiku", new Usd(i < 12 ? 120m : 150m))).ToArray();

        var charges = FocusCostAndUsage.Build(contract, usage);

        Assert.Equal(new Usd(-240m), Assert.Single(charges, c => c.Category == FocusChargeCategory.Credit).BilledCost);
        var unused = charges.Where(c => c.SkuId == "commitment" && c.Category == FocusChargeCategory.Usage).Select(c => c.BilledCost).ToArray();
        Assert.Equal([new Usd(1320m), new Usd(1290m)], unused);
        Usd Billed(int year) => charges.Where(c => c.BillingMonth.Year == year).Aggregate(Usd.Zero, (s, c) => s + c.BilledCost);
        Assert.Equal((new Usd(2400m), new Usd(2400m)), (Billed(2026), Billed(2027)));
    }

    [Fact]
    public void A_hostile_contract_name_is_quoted_and_defused_in_the_csv()
    {
        const string hostile = "=HYPERLINK(\"http://x\",\"<script>\"),\nA";
        var csv = FocusCsv.CostAndUsage(SpendAgreement(BillingMode.Arrears, hostile), FocusCostAndUsage.Build(SpendAgreement(BillingMode.Arrears, hostile), AppendixUsage));

        Assert.Empty(FocusRules.Validate(csv, FocusDataset.CostAndUsage));
        var rows = FocusRules.Parse(csv);
        Assert.Equal(4, rows.Count);   // header + three usage months: the name's comma and line break stay inside its field
        var column = rows[0].IndexOf("BillingAccountName");
        Assert.Equal("'" + hostile, rows[1][column]);
    }

    [Fact]
    public void The_rules_find_a_missing_column_a_null_where_none_is_allowed_and_a_non_utc_date()
    {
        var csv = FocusCsv.CostAndUsage(SpendAgreement(BillingMode.Arrears), FocusCostAndUsage.Build(SpendAgreement(BillingMode.Arrears), AppendixUsage));
        var lines = csv.Split('\n');
        var broken = string.Join('\n', lines[0].Replace("ServiceName,", "x_ServiceName,", StringComparison.Ordinal),
            lines[1].Replace("48.00,", ",", StringComparison.Ordinal), lines[2].Replace("2025-05-01T00:00:00Z", "2025-05-01 00:00", StringComparison.Ordinal));

        var faults = FocusRules.Validate(broken, FocusDataset.CostAndUsage);

        Assert.Contains("line 1: ServiceName: mandatory column missing", faults);
        Assert.Contains("line 2: BilledCost: null where the specification allows none", faults);
        Assert.Contains("line 3: BillingPeriodStart: '2025-05-01 00:00' is not an ISO 8601 UTC date-time", faults);
    }

    [Fact]
    public void Contract_commitment_rows_are_one_per_period_and_carry_the_projection_when_given()
    {
        var contract = new Contract("Example 6", new YearMonth(2026, 1), [new CommitmentPeriod(12, new Usd(1200m)), new CommitmentPeriod(12, new Usd(1200m))],
            0.20m, 0m, CarryoverRule.None, BillingMode.Arrears, false);
        var path = Enumerable.Range(0, 24).ToImmutableSortedDictionary(i => new YearMonth(2026, 1).AddMonths(i), _ => new Usd(200m));

        var plain = FocusCsv.ContractCommitment(contract, FocusCommitment.Build(contract));
        var projected = FocusCsv.ContractCommitment(contract, FocusCommitment.Build(contract, path));

        Assert.Empty(FocusRules.Validate(plain, FocusDataset.ContractCommitment));
        Assert.Empty(FocusRules.Validate(projected, FocusDataset.ContractCommitment));
        var rows = FocusRules.Parse(projected);
        Assert.Equal(3, rows.Count);
        var r = rows[0].Zip(rows[2]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(("Spend", "1200.00", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z"),
            (r["ContractCommitmentCategory"], r["ContractCommitmentCost"], r["ContractCommitmentPeriodStart"], r["ContractCommitmentPeriodEnd"],
                r["ContractPeriodStart"], r["ContractPeriodEnd"]));
        // 2,400 list × 0.8 = 1,920 consumed against 1,200: 720 over.
        Assert.Equal(("1920.00", "720.00"), (r["x_ProjectedConsumedP50"], r["x_ProjectedPositionP50"]));
        Assert.DoesNotContain("x_Projected", plain, StringComparison.Ordinal);
    }
}
