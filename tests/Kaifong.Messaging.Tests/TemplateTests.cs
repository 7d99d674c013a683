using Fluid;
using Kaifong.Domain.Common;

namespace Kaifong.Messaging.Tests;

public sealed class TemplateTests
{
    private static readonly MessageTemplates Templates = new();

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in MessageKinds.All)
        {
            foreach (var language in Languages.All)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    private static object ModelFor(string kind) => kind switch
    {
        MessageKinds.PasswordReset => new { displayName = "陳大文", link = "https://kaifong.test/reset?t=abc", organisationName = "街坊互助社" },
        MessageKinds.MagicLink => new { displayName = "陳大文", link = "https://kaifong.test/magic?t=abc", minutes = 15 },
        MessageKinds.MembershipApproved => new { displayName = "陳大文", organisationName = "街坊互助社", link = "https://kaifong.test/o/kaifong" },
        MessageKinds.MembershipPending => new { displayName = "陳大文", organisationName = "街坊互助社" },
        MessageKinds.ShiftChanged => new
        {
            displayName = "陳大文", organisationName = "街坊互助社", title = "長者送飯", role = "司機", when = "2026年12月7日星期一 10:00–13:00",
            venue = "荃灣大會堂", previous = "2026年12月7日星期一 09:00–12:00", link = "https://kaifong.test/o/kaifong/shifts/1",
        },
        MessageKinds.SignupPromoted or MessageKinds.SignupAssigned => new
        {
            displayName = "陳大文", organisationName = "街坊互助社", title = "長者送飯", role = "司機", when = "2026年12月7日星期一 09:00–12:00",
            venue = "荃灣沙咀道", confirmBy = "2026/12/5 09:00", link = "https://kaifong.test/o/kaifong/shifts/1",
        },
        MessageKinds.SignupConfirmed or MessageKinds.SubstituteOffered or MessageKinds.SubstituteTaken or MessageKinds.SubstituteGone => new
        {
            displayName = "陳大文", organisationName = "街坊互助社", title = "長者送飯", role = "司機", when = "2026年12月7日星期一 09:00–12:00",
            venue = "荃灣沙咀道", link = "https://kaifong.test/o/kaifong/shifts/1",
        },
        MessageKinds.UnconfirmedPlaces => new
        {
            displayName = "梁統籌", organisationName = "街坊互助社", count = 2, offered = true, link = "https://kaifong.test/o/kaifong/substitutes",
            lines = "• 2026/12/7 09:00 長者送飯 · 司機 — 陳大文\n• 2026/12/8 09:00 長者送飯 · 送飯 — 李小明",
        },
        MessageKinds.ShiftCancelled => new
        {
            displayName = "陳大文", organisationName = "街坊互助社", title = "長者送飯", role = "司機", when = "2026年12月9日星期三 09:00–12:00",
            venue = "荃灣沙咀道", link = "https://kaifong.test/me/shifts",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Add a model for the new kind."),
    };

    [Fact]
    public void Every_kind_has_a_template_file_in_every_language()
    {
        var missing = MessageKinds.All
            .SelectMany(kind => Languages.All.Select(language => (kind, language)))
            .Where(t => !Templates.Has(t.kind, t.language))
            .Select(t => $"Templates/{t.kind}.{t.language}.liquid")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_template_file_is_a_known_kind_and_language()
    {
        var known = MessageKinds.All.SelectMany(k => Languages.All.Select(l => $"{k}.{l}")).ToHashSet();

        Assert.Equal(known.Order(), Templates.Names.Order());
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Renders_subject_and_body_with_the_model(string kind, string language)
    {
        var message = Templates.Render(kind, language, ModelFor(kind));

        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.DoesNotContain('\n', message.Subject);
        Assert.Contains("陳大文", message.Body);
        Assert.DoesNotContain("{{", message.Subject + message.Body);
        Assert.DoesNotContain("{%", message.Subject + message.Body);
        if (kind is MessageKinds.MembershipApproved or MessageKinds.MembershipPending)
        {
            Assert.Contains("街坊互助社", message.Subject);
        }

        if (kind != MessageKinds.MembershipPending)
        {
            var link = (string)ModelFor(kind).GetType().GetProperty("link")!.GetValue(ModelFor(kind))!;
            Assert.Contains("\n" + link + "\n", message.Body);
        }

        if (kind == MessageKinds.MagicLink)
        {
            Assert.Contains("15", message.Body);
        }
    }

    [Fact]
    public void Languages_are_written_in_their_own_script()
    {
        var model = ModelFor(MessageKinds.MagicLink);

        var hk = Templates.Render(MessageKinds.MagicLink, Languages.ZhHk, model);
        var cn = Templates.Render(MessageKinds.MagicLink, Languages.ZhCn, model);
        var en = Templates.Render(MessageKinds.MagicLink, Languages.En, model);

        Assert.Contains("登入", hk.Subject);
        Assert.Contains("連結", hk.Body);
        Assert.Contains("登录", cn.Subject);
        Assert.Contains("链接", cn.Body);
        Assert.Contains("sign-in link", en.Subject);
    }

    [Fact]
    public void Optional_organisation_name_is_left_out_cleanly()
    {
        var message = Templates.Render(MessageKinds.PasswordReset, Languages.En, new { displayName = "Mei", link = "https://kaifong.test/r" });

        Assert.StartsWith("Hi Mei,", message.Body, StringComparison.Ordinal);
        Assert.Contains("your Kaifong account. To choose", message.Body);
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void A_blank_display_name_still_greets_properly(string kind, string language)
    {
        var body = Templates.Render(kind, language, new { displayName = "", link = "https://kaifong.test/x", organisationName = "Org", minutes = 10 }).Body;

        Assert.True(body.StartsWith("你好！", StringComparison.Ordinal) || body.StartsWith("Hi,", StringComparison.Ordinal), body);
    }

    [Theory]
    [InlineData(Languages.ZhHk, "想重設你的 Kaifong 街坊帳戶密碼。")]
    [InlineData(Languages.ZhCn, "要重设你的 Kaifong 街坊账户密码。")]
    [InlineData(Languages.En, "your Kaifong account. To choose")]
    public void Password_reset_reads_well_without_an_organisation(string language, string expected)
    {
        var withNull = Templates.Render(MessageKinds.PasswordReset, language, new { displayName = "Mei", link = "L", organisationName = (string?)null });
        var withEmpty = Templates.Render(MessageKinds.PasswordReset, language, new { displayName = "Mei", link = "L", organisationName = "" });

        Assert.Contains(expected, withNull.Body);
        Assert.Equal(withNull, withEmpty);
    }

    [Fact]
    public void Model_values_are_not_html_encoded_in_plain_text()
    {
        var message = Templates.Render(MessageKinds.MembershipPending, Languages.En, new { displayName = "Tom & Jerry", organisationName = "<Sham Shui Po> Care" });

        Assert.Contains("Hi Tom & Jerry,", message.Body);
        Assert.Contains("<Sham Shui Po> Care", message.Subject);
    }

    [Fact]
    public void A_dictionary_model_works_too()
    {
        var model = new Dictionary<string, object?> { ["displayName"] = "Ah Ming", ["organisationName"] = "Kwun Tong Helpers" };

        var message = Templates.Render(MessageKinds.MembershipPending, Languages.En, model);

        Assert.Equal("We've received your request to join Kwun Tong Helpers", message.Subject);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("klingon")]
    public void Unknown_language_falls_back_to_zh_HK(string language)
    {
        var model = ModelFor(MessageKinds.MembershipApproved);

        Assert.Equal(
            Templates.Render(MessageKinds.MembershipApproved, Languages.ZhHk, model),
            Templates.Render(MessageKinds.MembershipApproved, language, model));
    }

    [Theory]
    [InlineData("zh-TW", Languages.ZhHk)]
    [InlineData("en-GB", Languages.En)]
    [InlineData("zh-Hans", Languages.ZhCn)]
    public void Culture_names_map_to_the_nearest_language(string culture, string expected)
    {
        var model = ModelFor(MessageKinds.MembershipPending);

        Assert.Equal(
            Templates.Render(MessageKinds.MembershipPending, expected, model),
            Templates.Render(MessageKinds.MembershipPending, culture, model));
    }

    [Fact]
    public void A_missing_template_is_a_programming_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Templates.Render("no_such_kind", Languages.En, new { }));

        Assert.Contains("no_such_kind", ex.Message);
    }

    [Theory]
    [InlineData("Subject: x\n---\nbody")]
    [InlineData("subject: x\nbody")]
    [InlineData("subject: {{ x \n---\nbody")]
    [InlineData("subject: x\n---\n{% if %}")]
    public void Malformed_template_files_are_rejected(string source)
    {
        Assert.Throws<InvalidOperationException>(() => MessageTemplates.Parse("test.en", source));
    }

    [Fact]
    public void Template_files_with_windows_line_endings_parse()
    {
        var parsed = MessageTemplates.Parse("test.en", "\uFEFFsubject: Hello {{ name }}\r\n---\r\nBody {{ name }}\r\n");

        Assert.Equal("Hello Wing", parsed.Subject.Render(new Fluid.TemplateContext(new { name = "Wing" })));
    }
}
