using Kaifong.Web.Infrastructure;

namespace Kaifong.Web.Features.Audit;

/// <summary>審計紀錄 for admins: who looked at or changed whose data, when.</summary>
public sealed class IndexModel(AuditQueries queries, Problems problems) : OrgPageModel
{
    protected override Need Requires => Need.Admin;

    public AuditFilter Filter { get; private set; } = new(null, null, null, null);
    public IReadOnlyList<AuditEntryDto> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? action, DateOnly? from, DateOnly? to, Guid? subject, int? p)
    {
        Filter = new AuditFilter(action, from, to, subject, p ?? 1);
        var errors = AuditQueries.Validate(Filter);
        if (errors.Count > 0)
        {
            problems.AddTo(ModelState, errors);
            Filter = Filter with { Action = null, Page = 1 };
            return;
        }

        Entries = await queries.ListAsync(Org, Filter, HttpContext.RequestAborted);
    }
}
