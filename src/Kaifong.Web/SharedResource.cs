namespace Kaifong.Web;

/// <summary>
/// The one resource class: Resources/SharedResource.resx (zh-HK, the default), .en.resx and .zh-CN.resx.
/// It sits in the root namespace so the localiser finds Resources/SharedResource*.resx. Edit with scripts/i18n.py.
/// </summary>
public sealed class SharedResource;
