using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kaifong.Web.Tests.Infrastructure;

namespace Kaifong.Web.Tests.Features;

/// <summary>The three resource files agree, every key the code uses exists, and pages speak the reader's language.</summary>
public sealed partial class LocalisationFacts
{
    private static readonly string Root = FindRoot();
    private static readonly string Resources = Path.Combine(Root, "src", "Kaifong.Web", "Resources");

    public static TheoryData<string> Files() => ["SharedResource.resx", "SharedResource.en.resx", "SharedResource.zh-CN.resx"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Kaifong.Web", "Resources")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with src/Kaifong.Web/Resources) was not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, string> Load(string file)
    {
        var doc = XDocument.Load(Path.Combine(Resources, file));
        var data = doc.Root!.Elements("data").Select(d => (Name: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")).ToList();
        var duplicates = data.GroupBy(d => d.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{file} has duplicate keys: {string.Join(", ", duplicates)}");
        return data.ToDictionary(d => d.Name, d => d.Value);
    }

    private static Dictionary<string, string> Default => Load("SharedResource.resx");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_has_the_same_keys_as_the_default(string file)
    {
        var keys = Default.Keys.ToHashSet();
        var other = Load(file).Keys.ToHashSet();
        Assert.True(keys.SetEquals(other),
            $"{file}: missing [{string.Join(", ", keys.Except(other))}], extra [{string.Join(", ", other.Except(keys))}]");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_value_is_empty(string file)
    {
        var empty = Load(file).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.True(empty.Count == 0, $"{file}: empty values for {string.Join(", ", empty)}");
    }

    [Fact]
    public void Chinese_files_are_not_English_copies()
    {
        var en = Load("SharedResource.en.resx");
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.zh-CN.resx" })
        {
            var same = Load(file).Where(kv => en.TryGetValue(kv.Key, out var e) && e == kv.Value && kv.Value.Count(char.IsLetter) > 12 && kv.Value.All(c => c < 0x2E80)).Select(kv => kv.Key).ToList();
            Assert.True(same.Count == 0, $"{file}: untranslated (same as English): {string.Join(", ", same)}");
        }
    }

    [GeneratedRegex(@"\b[lL]\[\s*""(?<key>[^""]+)""\s*[\],]")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"(?:\bError|\bnew)\(\s*""[a-z_.]+""\s*,\s*""(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)""")]
    private static partial Regex ErrorKey();

    [GeneratedRegex(@"WithLanguage\([^,]+,\s*""(?<key>[^""]+)""")]
    private static partial Regex WithLanguageKey();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Every_key_used_in_code_exists()
    {
        var keys = Default.Keys.ToHashSet();
        var missing = new List<string>();
        var used = 0;
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerKey(), ErrorKey(), WithLanguageKey() })
            {
                foreach (Match m in regex.Matches(text))
                {
                    used++;
                    var key = m.Groups["key"].Value;
                    if (!keys.Contains(key))
                    {
                        missing.Add($"{key} ({Path.GetRelativePath(Root, file)})");
                    }
                }
            }
        }

        Assert.True(used > 100, $"only {used} keys found: is the regex still right?");
        Assert.True(missing.Count == 0, "missing keys: " + string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public void Keys_built_at_run_time_exist()
    {
        var keys = Default.Keys.ToHashSet();
        var expected = new List<string>();
        expected.AddRange(Enum.GetNames<Kaifong.Domain.Members.MemberRoles>().Where(r => r != "None").Select(r => "Role." + r));
        expected.AddRange(Enum.GetNames<Kaifong.Domain.Members.MembershipStatus>().Select(s => "Status." + s));
        expected.AddRange(Kaifong.Domain.Audit.AuditActions.All.Select(a => "Audit." + a));
        expected.AddRange(new[] { 400, 401, 403, 404, 409, 410, 429, 500 }.Select(s => $"Problem.{s}"));
        expected.AddRange(new[] { 403, 404, 429, 500 }.Select(s => $"Status.Message{s}"));
        expected.AddRange(["Problem.BadRequestDetail", "Problem.ValidationDetail", "State.Cancelled"]);
        expected.AddRange(Enum.GetNames<Kaifong.Domain.Scheduling.FillState>().Select(s => "State." + s));
        expected.AddRange(Enum.GetNames<Kaifong.Domain.Scheduling.SignupStatus>().Select(s => "Signup." + s));
        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "missing keys: " + string.Join(", ", missing));
    }
}

/// <summary>Pages in the reader's language: Accept-Language, and the switcher's cookie above it.</summary>
[Collection(SqliteCollection.Name)]
public sealed class LocalisationTests(SqliteApp app)
{
    [Theory]
    [InlineData("en", "Sign in", "en")]
    [InlineData("zh-HK", "登入", "zh-HK")]
    [InlineData("zh-CN", "登录", "zh-CN")]
    public async Task Home_page_follows_Accept_Language(string language, string signIn, string htmlLang)
    {
        var page = PageClient.Anonymous(app, language);
        var (response, doc) = await page.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(htmlLang, doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains(signIn, doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_cookie_wins_over_Accept_Language()
    {
        var page = PageClient.Anonymous(app, "en");
        var set = await page.PostFormAsync("/", "/preferences/language", new Dictionary<string, string> { ["language"] = "zh-CN", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/", set.Headers.Location!.OriginalString);

        var (response, doc) = await page.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登录", doc.Body!.TextContent, StringComparison.Ordinal);

        var back = await page.PostFormAsync("/", "/preferences/language", new Dictionary<string, string> { ["language"] = "zh-HK", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/", back.Headers.Location!.OriginalString);
        var (_, again) = await page.GetPageAsync("/");
        Assert.Equal("zh-HK", again.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登入", again.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_without_antiforgery_token_is_refused()
    {
        var page = PageClient.Anonymous(app, "en");
        var response = await page.Http.PostAsync("/preferences/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "zh-CN" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
