using System.Text;
using FsCheck.Fluent;
using Recommit.Import.ClickHouse;

namespace Recommit.Import.Tests.ClickHouse;

/// <summary>How user-supplied names and values reach the SQL text, and how the server's TabSeparated answer is read.</summary>
public class ClickHouseSqlTests
{
    [Theory]
    [InlineData("requests")]
    [InlineData("request_response_rmt")]
    [InlineData("usage.input_tokens")]
    [InlineData("_t1")]
    public void Plain_names_are_accepted_and_quoted(string name) => Assert.Equal($"`{name}`", ClickHouseSql.Identifier(name));

    [Theory]
    [InlineData("requests; DROP TABLE x")]
    [InlineData("a`b")]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a.")]
    [InlineData("a..b")]
    [InlineData("")]
    public void Names_that_are_not_plain_identifiers_are_refused(string name)
    {
        var error = Assert.Throws<ImportException>(() => ClickHouseSql.CheckIdentifier(name, "--table"));
        Assert.StartsWith("--table: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_validation_refuses_credentials_in_the_url_and_a_reversed_range()
    {
        var request = new ClickHouseRequest { Url = new Uri("http://127.0.0.1:8123"), Table = "requests" };
        request.Validate();
        Assert.Contains("--password-file", Assert.Throws<ImportException>(() => (request with { Url = new Uri("http://u:secret@127.0.0.1:8123") }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("--url", Assert.Throws<ImportException>(() => (request with { Url = new Uri("http://127.0.0.1:8123/?query=DROP") }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("--to", Assert.Throws<ImportException>(() => (request with { From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 1, 1) }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("--map input", Assert.Throws<ImportException>(() => (request with { ColumnMap = new Dictionary<string, string> { ["input"] = "x)--" } }).Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_filters_parse_equal_and_not_equal_and_keep_the_value_as_written()
    {
        Assert.Equal(new ClickHouseFilter("provider", "anthropic"), ClickHouseFilter.Parse("provider=anthropic"));
        Assert.Equal(new ClickHouseFilter("team", "a=b c", Negated: true), ClickHouseFilter.Parse("team!=a=b c"));
        Assert.Throws<ImportException>(() => ClickHouseFilter.Parse("=x"));
        Assert.Throws<ImportException>(() => ClickHouseFilter.Parse("provider"));
        Assert.Throws<ImportException>(() => ClickHouseFilter.Parse("provider=a\nb"));
    }

    [Fact]
    public void Tab_separated_fields_are_unescaped_and_backslash_n_is_null()
    {
        Assert.Equal((IEnumerable<string?>)["2026-08-05", "a\tb", null, "c\\d", "", "it's\n"], TabSeparated.Split("2026-08-05\ta\\tb\t\\N\tc\\\\d\t\tit\\'s\\n"));
    }

    /// <summary>
    /// Rows are handed over from the read buffer in chunks of whole rows: a row longer than the buffer grows it, the rows
    /// around it arrive whole, and a refusal stops the reading.
    /// </summary>
    [ClickHouseFact]
    public void Rows_longer_than_the_read_buffer_and_many_short_ones_arrive_whole()
    {
        using var http = new ClickHouseHttp(new ClickHouseRequest { Url = ClickHouseServer.Shard1, Table = "t" }, TimeSpan.FromSeconds(10));
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 1);
        // Row i's model holds i % 13 two-byte letters, row 3's two million (4 MB): rows cross the buffer's edge everywhere.
        var sql = "SELECT toDate('2026-08-05') AS d, arrayStringConcat(arrayMap(x -> 'é', range(if(number = 3, 2000000, number % 13)))) AS m, '' AS w, '' AS t, " +
                  "toFloat64(1) AS r, toInt64(number) AS s FROM system.numbers LIMIT 300000 FORMAT RowBinary";
        var models = new List<string>();
        var sums = new List<long>();
        Assert.True(http.Chunks(sql, layout.WholeRows, chunk =>
        {
            while (!chunk.IsEmpty)
            {
                var row = chunk[..layout.Length(chunk, out var keyEnd)];
                chunk = chunk[row.Length..];
                var key = row[CubeRows.FirstKey..keyEnd];
                models.Add(Encoding.UTF8.GetString(CubeRows.String(ref key)));
                Assert.True(layout.TrySum(row[keyEnd..], 0, out var sum));
                sums.Add(sum);
            }
            return true;
        }, CancellationToken.None));

        Assert.Equal(300_000, models.Count);
        Assert.Equal(new string('é', 2_000_000), models[3]);
        Assert.All(Enumerable.Range(0, models.Count).Where(i => i != 3), i => Assert.Equal(new string('é', i % 13), models[i]));
        Assert.Equal(Enumerable.Range(0, 300_000).Select(i => (long)i), sums);
        Assert.True(http.BytesReceived > 4_000_000);

        var taken = 0;
        Assert.False(http.Chunks(sql, layout.WholeRows, _ => ++taken < 3, CancellationToken.None));
        Assert.Equal(3, taken);
    }

    /// <summary>The server's error text, as it ends an answer where the server stopped, is told from anything else.</summary>
    [Fact]
    public void The_servers_error_text_is_told_from_other_text()
    {
        using var http = new ClickHouseHttp(new ClickHouseRequest { Url = new Uri("http://127.0.0.1:1"), Table = "t" }, TimeSpan.FromSeconds(10));
        Assert.NotNull(http.StoppedAt("Code: 241, e.displayText() = DB::Exception: Memory limit exceeded, e.what() = DB::Exception"u8));
        // Later servers write "Code: N. DB::Exception: …".
        Assert.NotNull(http.StoppedAt("Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)"u8));
        Assert.Null(http.StoppedAt("2026-08-05\tCode: 241\tDB::Exception"u8));
        Assert.Null(http.StoppedAt("Code: 241 without the exception's name"u8));
        Assert.Null(http.StoppedAt("Code: 1 e.displayText() = DB::Exception"u8));
        Assert.Null(http.StoppedAt("Code: "u8));
    }

    /// <summary>A name in the rows that reads like the server's error is a name: rows end in numbers, not in that text.</summary>
    [ClickHouseFact]
    public void A_name_that_reads_like_the_servers_error_is_read_as_a_name()
    {
        using var http = new ClickHouseHttp(new ClickHouseRequest { Url = ClickHouseServer.Shard1, Table = "t" }, TimeSpan.FromSeconds(10));
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 1);
        var workspaces = new List<string>();
        Assert.True(http.Chunks("SELECT toDate('2026-08-05') AS d, 'claude-opus-5' AS m, 'Code: 1, e.displayText() = DB::Exception: not an error\n' AS w, '' AS t, " +
            "toFloat64(1) AS r, toInt64(number) AS s FROM system.numbers LIMIT 10 FORMAT RowBinary", layout.WholeRows, chunk =>
            {
                while (!chunk.IsEmpty)
                {
                    var row = chunk[..layout.Length(chunk, out var keyEnd)];
                    chunk = chunk[row.Length..];
                    var key = row[CubeRows.FirstKey..keyEnd];
                    CubeRows.String(ref key);
                    workspaces.Add(Encoding.UTF8.GetString(CubeRows.String(ref key)));
                }
                return true;
            }, CancellationToken.None));
        Assert.Equal(Enumerable.Repeat("Code: 1, e.displayText() = DB::Exception: not an error\n", 10), workspaces);
    }

    /// <summary>
    /// The cube's answer is binary (RowBinary): the server's error where it stopped is found at the answer's end, after
    /// rows of the cube's layout, whatever those last bytes would make as a row.
    /// </summary>
    [ClickHouseFact]
    public void A_binary_answer_that_stops_with_the_servers_error_reports_the_error_not_rows()
    {
        using var http = new ClickHouseHttp(new ClickHouseRequest { Url = ClickHouseServer.Shard1, Table = "t" }, TimeSpan.FromSeconds(10));
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 1);
        var rows = 0L;
        var error = Assert.Throws<ImportException>(() => http.Chunks(
            "SELECT toDate('2026-08-05') AS d, 'claude-opus-5' AS m, concat('ws-', toString(number % 7)) AS w, '' AS t, toFloat64(1) + throwIf(number = 300000) AS r, " +
            "toInt64(number) AS s FROM system.numbers LIMIT 1000000 FORMAT RowBinary", layout.WholeRows, chunk =>
            {
                for (; !chunk.IsEmpty; rows++) chunk = chunk[layout.Length(chunk)..];
                return true;
            }, CancellationToken.None));

        Assert.Contains("the ClickHouse server stopped while answering: Value passed to 'throwIf' function is non zero (code 395)", error.Message, StringComparison.Ordinal);
        Assert.InRange(rows, 1, 300_000);
    }

    [Fact]
    public void A_password_is_never_shown_by_its_string_form_and_is_cleaned_from_messages()
    {
        var password = ClickHousePassword.FromFile(Fixtures.Temp("s3cret-Value\r\nsecond line", ".txt"));
        Assert.Equal("[password]", password.ToString());
        Assert.Equal("login with [password] failed", password.Redact("login with s3cret-Value failed"));
        Assert.Throws<ImportException>(() => ClickHousePassword.FromFile(Fixtures.Temp("", ".txt")));

        // A server error quoting the password where the message is cut (300 characters) shows none of it.
        using var http = new ClickHouseHttp(new ClickHouseRequest { Url = new Uri("http://127.0.0.1:1"), Table = "t", Password = password }, TimeSpan.FromSeconds(10));
        var error = http.StoppedAt(System.Text.Encoding.UTF8.GetBytes("Code: 516, e.displayText() = DB::Exception: " + new string('x', 292) + " s3cret-Value was wrong"));
        Assert.NotNull(error);
        Assert.DoesNotContain("s3cr", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Whatever a value holds, the literal the importer writes gives the server back exactly that value.</summary>
    [ClickHouseFact]
    public void Any_value_round_trips_through_a_literal_on_the_server()
    {
        var values = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Sample(60, 60)
            .Concat(["'", "\\", "\\'", "a' OR '1'='1", "é€😀", "\t\n\r\0", "--", "/*", "`"]).ToList();
        var sql = "SELECT " + string.Join(", ", values.Select(ClickHouseSql.Literal)) + " FORMAT TabSeparated";
        var line = ClickHouseServer.Execute(sql).TrimEnd('\n');
        Assert.Equal(values.Select(v => (string?)v), TabSeparated.Split(line));
    }
}
