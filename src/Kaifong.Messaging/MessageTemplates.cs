using System.Collections.Frozen;
using System.Reflection;
using Fluid;
using Kaifong.Domain.Common;

namespace Kaifong.Messaging;

/// <summary>A message ready to send: one subject line and a plain-text body.</summary>
public sealed record RenderedMessage(string Subject, string Body);

/// <summary>
/// The Liquid templates embedded as <c>Templates/{kind}.{language}.liquid</c>. Each file is
/// <c>subject: …</c> on its first line, then a line <c>---</c>, then the plain-text body; both parts are Liquid.
/// All files are parsed once, when this (singleton) is created, so a broken template fails at start-up.
/// </summary>
public sealed class MessageTemplates
{
    private const string ResourcePrefix = "Kaifong.Messaging.Templates.";
    private const string ResourceSuffix = ".liquid";

    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions _options;
    private readonly FrozenDictionary<string, ParsedTemplate> _templates;

    public MessageTemplates()
    {
        _options = new TemplateOptions { StrictFilters = true };
        var assembly = typeof(MessageTemplates).Assembly;
        var templates = new Dictionary<string, ParsedTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var key = name[ResourcePrefix.Length..^ResourceSuffix.Length];
            templates[key] = Parse(key, ReadResource(assembly, name));
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every embedded template as "kind.language", e.g. "magic_link.zh-HK".</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>True when a template for exactly this kind and language is embedded (no fallback).</summary>
    public bool Has(string kind, string language) => _templates.ContainsKey(Key(kind, language));

    /// <summary>
    /// Renders <paramref name="kind"/> in <paramref name="language"/> (normalised; an unknown language falls back to zh-HK).
    /// The model's public properties (or a dictionary's keys) are the template's variables.
    /// </summary>
    /// <exception cref="InvalidOperationException">No template exists for the kind: a programming error.</exception>
    public RenderedMessage Render(string kind, string language, object model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(model);

        var lang = Languages.Normalise(language) ?? Languages.Default;
        if (!_templates.TryGetValue(Key(kind, lang), out var template))
        {
            throw new InvalidOperationException($"No message template '{kind}' for language '{lang}' (expected embedded resource Templates/{kind}.{lang}.liquid).");
        }

        var context = new TemplateContext(model, _options, allowModelMembers: true);
        var subject = template.Subject.Render(context, NullEncoder.Default);
        var body = template.Body.Render(context, NullEncoder.Default);

        // A subject is one header line whatever the model holds.
        subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RenderedMessage(subject, body.Trim('\n', '\r', ' ') + "\n");
    }

    private static string Key(string kind, string language) => $"{kind}.{language}";

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} cannot be opened.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Splits and parses one template file. Internal for tests.</summary>
    internal static ParsedTemplate Parse(string name, string source)
    {
        var text = source.ReplaceLineEndings("\n");
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var first = firstBreak < 0 ? text : text[..firstBreak];
        const string subjectPrefix = "subject:";
        if (!first.StartsWith(subjectPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Template {name}: the first line must be 'subject: …'.");
        }

        var rest = firstBreak < 0 ? "" : text[(firstBreak + 1)..];
        var secondBreak = rest.IndexOf('\n', StringComparison.Ordinal);
        var separator = secondBreak < 0 ? rest : rest[..secondBreak];
        if (separator.TrimEnd() != "---")
        {
            throw new InvalidOperationException($"Template {name}: the second line must be '---'.");
        }

        var body = secondBreak < 0 ? "" : rest[(secondBreak + 1)..];
        return new ParsedTemplate(
            ParseLiquid(name, "subject", first[subjectPrefix.Length..].Trim()),
            ParseLiquid(name, "body", body));
    }

    private static IFluidTemplate ParseLiquid(string name, string part, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {name} ({part}) is not valid Liquid: {error}");

    internal sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Body);
}
