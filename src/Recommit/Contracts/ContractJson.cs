using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Recommit.Internals;
using Recommit.Money;
using Recommit.Time;

namespace Recommit.Contracts;

/// <summary>
/// The contract file (docs/contracts.md; published as <c>data/schemas/contract.schema.json</c>, documented in
/// <c>docs/contracts.md</c>):
/// <c>{"name":"Acme","start":"2026-01-01","periods":[{"months":12,"commitment":1200000}],"committedDiscount":0.20,
/// "overageDiscount":0.0,"carryover":{"fraction":0.0,"cap":0.0},"billing":"arrears","priceProtection":false}</c>.
/// Parsing validates every field and reports the first fault as a <see cref="ContractException"/> naming the field as a
/// JSON path, what was expected and what was found.
/// </summary>
public static class ContractJson
{
    /// <summary>Longest true-up period accepted, in months (ten years).</summary>
    public const int MaxPeriodMonths = 120;

    private static readonly string[] TopLevelFields =
        ["name", "start", "termMonths", "periods", "committedDiscount", "overageDiscount", "carryover", "billing", "priceProtection", "notes"];
    private static readonly string[] PeriodFields = ["months", "commitment"];

    /// <summary>The largest commitment a period may have: $10¹⁵ (docs/input-safety.md, "Size caps").</summary>
    public const decimal MaxCommitment = 1_000_000_000_000_000m;
    private static readonly string[] CarryoverFields = ["fraction", "cap"];

    /// <summary>Parses and validates a contract; <paramref name="sourceName"/> names the source in messages.</summary>
    public static Contract Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using (var document = StrictJson.Parse(json, message => new ContractException(sourceName, "", message)))
            return new Reader(sourceName).Contract(document.RootElement);
    }

    /// <summary>
    /// Reads a contract embedded in another document (a package of a scenarios file) at JSON path <paramref name="path"/>,
    /// skipping the fields in <paramref name="otherFields"/> (the caller reads them); faults name the full path.
    /// </summary>
    internal static Contract Read(JsonElement element, string sourceName, string path, IReadOnlyCollection<string> otherFields) =>
        new Reader(sourceName, path, otherFields).Contract(element);

    /// <summary>Writes <paramref name="contract"/> in the contract file format (indented), readable by <see cref="Parse"/>.</summary>
    public static string Write(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", contract.Name);
            w.WriteString("start", contract.Start.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("termMonths", contract.TermMonths);
            w.WriteStartArray("periods");
            foreach (var p in contract.Periods)
            {
                w.WriteStartObject();
                w.WriteNumber("months", p.Months);
                w.WriteNumber("commitment", p.Commitment.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("committedDiscount", contract.CommittedDiscount);
            w.WriteNumber("overageDiscount", contract.OverageDiscount);
            w.WriteStartObject("carryover");
            w.WriteNumber("fraction", contract.Carryover.Fraction);
            w.WriteNumber("cap", contract.Carryover.Cap);
            w.WriteEndObject();
            w.WriteString("billing", contract.Billing == BillingMode.Prepaid ? "prepaid" : "arrears");
            w.WriteBoolean("priceProtection", contract.PriceProtection);
            if (contract.Notes is not null) w.WriteString("notes", contract.Notes);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Walks the document, failing on the first fault with the field's path; its text helpers serve other strict readers.</summary>
    internal sealed class Reader(string source, string root = "", IReadOnlyCollection<string>? otherFields = null)
    {
        public Contract Contract(JsonElement document)
        {
            var fields = Fields(document, "", otherFields is null ? TopLevelFields : [.. TopLevelFields, .. otherFields]);
            if (otherFields is not null)
                foreach (var other in otherFields) fields.Remove(other);

            var name = RequiredString(fields, "name", "");
            if (string.IsNullOrWhiteSpace(name)) throw Fail("name", "must not be empty");

            var startText = RequiredString(fields, "start", "");
            var start = ParseStart(startText);

            if (!fields.TryGetValue("periods", out var periodsElement)) throw Missing("periods");
            if (periodsElement.ValueKind != JsonValueKind.Array) throw WrongType("periods", "an array of periods", periodsElement);
            if (periodsElement.GetArrayLength() == 0) throw Fail("periods", "must hold at least one period, found none");
            var periods = ImmutableArray.CreateBuilder<CommitmentPeriod>(periodsElement.GetArrayLength());
            var i = 0;
            foreach (var element in periodsElement.EnumerateArray())
            {
                var path = $"periods[{i}]";
                var period = Fields(element, path, PeriodFields);
                var months = RequiredWhole(period, "months", path);
                if (months is < 1 or > MaxPeriodMonths) throw Fail($"{path}.months", $"must be a whole number of months from 1 to {MaxPeriodMonths}, found {Show(months)}");
                var commitment = RequiredNumber(period, "commitment", path);
                if (commitment < 0) throw Fail($"{path}.commitment", $"must be ≥ 0, found {Show(commitment)}");
                // A bound far above any real commitment keeps every sum of the ledger inside decimal's range.
                if (commitment > MaxCommitment) throw Fail($"{path}.commitment", $"must be at most {MaxCommitment:N0} dollars, found {Show(commitment)}");
                periods.Add(new CommitmentPeriod((int)months, new Usd(commitment)));
                i++;
            }
            var term = periods.Sum(p => p.Months);

            if (fields.ContainsKey("termMonths"))
            {
                var termMonths = RequiredWhole(fields, "termMonths", "");
                if (termMonths != term) throw Fail("termMonths", $"must equal the sum of periods[].months ({term}), found {Show(termMonths)}");
            }
            if (start.Ordinal + term - 1 > new YearMonth(9999, 12).Ordinal) throw Fail("periods", "the term runs past the year 9999");

            var committedDiscount = RequiredNumber(fields, "committedDiscount", "");
            if (committedDiscount is < 0m or >= 1m) throw Fail("committedDiscount", $"must be in [0, 1), found {Show(committedDiscount)}");
            var overageDiscount = fields.ContainsKey("overageDiscount") ? RequiredNumber(fields, "overageDiscount", "") : 0m;
            if (overageDiscount is < 0m or >= 1m) throw Fail("overageDiscount", $"must be in [0, 1), found {Show(overageDiscount)}");
            if (overageDiscount > committedDiscount)
                throw Fail("overageDiscount", $"must not exceed committedDiscount ({Show(committedDiscount)}), found {Show(overageDiscount)}");

            var carryover = CarryoverRule.None;
            if (fields.TryGetValue("carryover", out var carryElement))
            {
                var carry = Fields(carryElement, "carryover", CarryoverFields);
                var fraction = RequiredNumber(carry, "fraction", "carryover");
                if (fraction is < 0m or > 1m) throw Fail("carryover.fraction", $"must be in [0, 1], found {Show(fraction)}");
                var cap = RequiredNumber(carry, "cap", "carryover");
                if (cap is < 0m or > 1m) throw Fail("carryover.cap", $"must be in [0, 1], found {Show(cap)}");
                carryover = new CarryoverRule(fraction, cap);
            }

            var billing = BillingMode.Arrears;
            if (fields.ContainsKey("billing"))
            {
                billing = RequiredString(fields, "billing", "") switch
                {
                    "arrears" => BillingMode.Arrears,
                    "prepaid" => BillingMode.Prepaid,
                    var other => throw Fail("billing", $"must be \"arrears\" or \"prepaid\", found \"{Clip(other)}\""),
                };
            }

            var priceProtection = false;
            if (fields.TryGetValue("priceProtection", out var protection))
            {
                priceProtection = protection.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw WrongType("priceProtection", "true or false", protection),
                };
            }

            var notes = fields.ContainsKey("notes") ? RequiredString(fields, "notes", "") : null;

            return new Contract(name.Trim(), start, periods.MoveToImmutable(), committedDiscount, overageDiscount, carryover, billing, priceProtection)
            {
                Notes = notes,
            };
        }

        private YearMonth ParseStart(string text)
        {
            if (text.Length == 7 && YearMonth.TryParse(text, out var month)) return month;
            if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                if (day.Day != 1) throw Fail("start", $"must be the 1st of a month (contracts start on a month boundary), found \"{text}\"");
                return YearMonth.Of(day);
            }
            throw Fail("start", $"must be a month as yyyy-MM or the 1st of a month as yyyy-MM-dd, found \"{Clip(text)}\"");
        }

        /// <summary>The object's properties by name, refusing unknown and duplicated ones.</summary>
        private Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] known)
        {
            if (element.ValueKind != JsonValueKind.Object) throw WrongType(path, "an object", element);
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var field = Join(path, property.Name);
                if (Array.IndexOf(known, property.Name) < 0)
                    throw Fail(field, $"unknown field (expected one of {string.Join(", ", known)})");
                if (!fields.TryAdd(property.Name, property.Value)) throw Fail(field, "appears more than once");
            }
            return fields;
        }

        private string RequiredString(Dictionary<string, JsonElement> fields, string name, string path)
        {
            if (!fields.TryGetValue(name, out var value)) throw Missing(Join(path, name));
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(Join(path, name), "a string", value);
        }

        private decimal RequiredNumber(Dictionary<string, JsonElement> fields, string name, string path)
        {
            if (!fields.TryGetValue(name, out var value)) throw Missing(Join(path, name));
            if (value.ValueKind != JsonValueKind.Number) throw WrongType(Join(path, name), "a number", value);
            return value.TryGetDecimal(out var number) ? number : throw Fail(Join(path, name), $"is out of range, found {Clip(value.GetRawText())}");
        }

        private decimal RequiredWhole(Dictionary<string, JsonElement> fields, string name, string path)
        {
            var number = RequiredNumber(fields, name, path);
            return number == decimal.Truncate(number) ? number : throw Fail(Join(path, name), $"must be a whole number, found {Show(number)}");
        }

        private ContractException Missing(string field) => Fail(field, "is required but missing");

        private ContractException WrongType(string field, string expected, JsonElement found) =>
            Fail(field, $"must be {expected}, found {Describe(found)}");

        private ContractException Fail(string field, string message) => new(source, Join(root, field), message);

        private static string Join(string path, string name) => path.Length == 0 ? name : name.Length == 0 ? path : $"{path}.{name}";

        internal static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Clip(element.GetString()!)}\"",
            JsonValueKind.Number => $"the number {Clip(element.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => element.ValueKind.ToString(),
        };

        internal static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        internal static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
