using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Recommit.Reports.Focus;

/// <summary>The two FOCUS datasets Recommit writes.</summary>
public enum FocusDataset
{
    CostAndUsage,
    ContractCommitment,
}

/// <summary>
/// Checks a FOCUS CSV against the column rules the specification states for the columns Recommit writes: the mandatory
/// columns are present, the columns that allow no nulls have a value in every row, dates are ISO 8601 UTC, metrics are
/// decimals, the enumerated columns hold allowed values, and any column the specification does not define starts with
/// <c>x_</c>. Returns the violations (empty when the file conforms), each naming its line and column.
/// </summary>
public static class FocusRules
{
    private static readonly string[] CostAndUsageMandatory =
    [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
        "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost", "HostProviderName",
        "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ServiceCategory", "ServiceName", "ServiceProviderName",
    ];

    private static readonly string[] CostAndUsageNotNull =
    [
        "BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeFrequency",
        "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost", "HostProviderName", "InvoiceIssuerName", "ListCost",
        "ServiceCategory", "ServiceName", "ServiceProviderName", "ServiceSubcategory",
    ];

    private static readonly string[] CostAndUsageOptional =
    [
        "ContractedUnitPrice", "ListUnitPrice", "PricingCategory", "ProviderName", "PublisherName", "SkuId", "ChargeFrequency", "ServiceSubcategory",
    ];

    private static readonly string[] CommitmentMandatory =
    [
        "BillingCurrency", "ContractCommitmentCategory", "ContractCommitmentCost", "ContractCommitmentDescription", "ContractCommitmentId",
        "ContractCommitmentPeriodEnd", "ContractCommitmentPeriodStart", "ContractCommitmentQuantity", "ContractCommitmentType",
        "ContractCommitmentUnit", "ContractId", "ContractPeriodEnd", "ContractPeriodStart",
    ];

    private static readonly string[] CommitmentNotNull =
    [
        "ContractCommitmentCategory", "ContractCommitmentId", "ContractCommitmentPeriodEnd", "ContractCommitmentPeriodStart",
        "ContractCommitmentType", "ContractId", "ContractPeriodEnd", "ContractPeriodStart",
    ];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["ChargeCategory"] = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"],
        ["ChargeFrequency"] = ["One-Time", "Recurring", "Usage-Based"],
        ["ChargeClass"] = ["Correction"],
        ["PricingCategory"] = ["Standard", "Dynamic", "Committed", "Other"],
        ["ContractCommitmentCategory"] = ["Spend", "Usage"],
    };

    public static ImmutableArray<string> Validate(string csv, FocusDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = Parse(csv);
        if (rows.Count == 0) return ["line 1: no header"];
        var header = rows[0];
        var (mandatory, notNull) = dataset == FocusDataset.CostAndUsage ? (CostAndUsageMandatory, CostAndUsageNotNull) : (CommitmentMandatory, CommitmentNotNull);
        var known = mandatory.Concat(notNull).Concat(dataset == FocusDataset.CostAndUsage ? CostAndUsageOptional : []).ToHashSet(StringComparer.Ordinal);
        var faults = ImmutableArray.CreateBuilder<string>();
        foreach (var column in mandatory.Where(c => !header.Contains(c))) faults.Add($"line 1: {column}: mandatory column missing");
        foreach (var column in header.Where(c => !known.Contains(c) && !c.StartsWith("x_", StringComparison.Ordinal)))
            faults.Add($"line 1: {column}: not a FOCUS column and not prefixed x_");

        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != header.Count)
            {
                faults.Add($"line {r + 1}: {row.Count} fields, the header has {header.Count}");
                continue;
            }
            for (var i = 0; i < header.Count; i++)
            {
                var (column, value) = (header[i], row[i]);
                if (value.Length == 0)
                {
                    if (notNull.Contains(column)) faults.Add($"line {r + 1}: {column}: null where the specification allows none");
                    continue;
                }
                if (IsDate(column) && !DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    faults.Add($"line {r + 1}: {column}: '{value}' is not an ISO 8601 UTC date-time");
                if (IsMetric(column) && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    faults.Add($"line {r + 1}: {column}: '{value}' is not a decimal");
                if (Allowed.TryGetValue(column, out var values) && !values.Contains(value))
                    faults.Add($"line {r + 1}: {column}: '{value}' is not an allowed value");
            }
            if (dataset == FocusDataset.ContractCommitment
                && row[header.IndexOf("ContractCommitmentCost")].Length == 0 && row[header.IndexOf("ContractCommitmentQuantity")].Length == 0)
                faults.Add($"line {r + 1}: ContractCommitmentCost and ContractCommitmentQuantity are both null");
        }
        return faults.ToImmutable();
    }

    private static bool IsDate(string column) => column.EndsWith("Start", StringComparison.Ordinal) || column.EndsWith("End", StringComparison.Ordinal);

    private static bool IsMetric(string column) =>
        column.EndsWith("Cost", StringComparison.Ordinal) || column.EndsWith("Price", StringComparison.Ordinal)
        || column.EndsWith("Quantity", StringComparison.Ordinal) || column.EndsWith("P50", StringComparison.Ordinal);

    /// <summary>RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') field.Append(csv[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
