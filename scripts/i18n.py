#!/usr/bin/env python3
"""Edit the three resource files together, so no language falls behind.

  scripts/i18n.py set KEY "繁體中文" "English" ["简体中文"]   add or change a string (zh-CN is made with OpenCC hk2s when omitted)
  scripts/i18n.py check                                      list keys missing from any language
Resources: src/Kaifong.Web/Resources/SharedResource{,.en,.zh-CN}.resx (the neutral file is zh-HK, the default).
"""
import html, os, re, shutil, subprocess, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Kaifong.Web", "Resources")
FILES = {"zh-HK": "SharedResource.resx", "en": "SharedResource.en.resx", "zh-CN": "SharedResource.zh-CN.resx"}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
# Mainland vocabulary where converting characters is not enough (order matters: names of HK laws first).
CN_WORDS = [("個人資料（私隱）條例", "个人资料（私隐）条例"), ("電郵地址", "电子邮箱"), ("電郵", "电子邮件"), ("連結", "链接"),
            ("帳戶", "账户"), ("登入", "登录"), ("登出", "退出登录"), ("儲存", "保存"), ("設定", "设置"), ("資料", "信息"),
            ("手提電話", "手机"), ("二維碼", "二维码"), ("程式", "应用"), ("剔選", "勾选"), ("毋須", "无须"), ("搵", "找"),
            ("螢幕", "屏幕"), ("列印", "打印"), ("預設", "默认")]


def load(lang):
    path = os.path.join(ROOT, FILES[lang])
    if not os.path.exists(path):
        return {}
    text = open(path, encoding="utf-8").read()
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>', text, re.S)}


def save(lang, strings):
    os.makedirs(ROOT, exist_ok=True)
    with open(os.path.join(ROOT, FILES[lang]), "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(strings):
            f.write(f'  <data name="{html.escape(key)}" xml:space="preserve">\n    <value>{html.escape(strings[key], quote=False)}</value>\n  </data>\n')
        f.write("</root>\n")


def to_simplified(text):
    for hk, cn in CN_WORDS:
        text = text.replace(hk, cn)
    if not shutil.which("opencc"):
        sys.exit("opencc is needed to make zh-CN (apt-get install opencc), or give the zh-CN text yourself")
    return subprocess.run(["opencc", "-c", "hk2s.json"], input=text, capture_output=True, text=True, check=True).stdout.rstrip("\n")


def set_many(items):
    data = {lang: load(lang) for lang in FILES}
    for key, zh_hk, en, zh_cn in items:
        data["zh-HK"][key] = zh_hk
        data["en"][key] = en
        data["zh-CN"][key] = zh_cn if zh_cn else to_simplified(zh_hk)
    for lang, strings in data.items():
        save(lang, strings)


def check():
    data = {lang: load(lang) for lang in FILES}
    keys = set().union(*data.values())
    missing = [(lang, k) for lang in FILES for k in sorted(keys - data[lang].keys())]
    for lang, k in missing:
        print(f"{lang}: missing {k}")
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "set":
        set_many([(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)])
    elif len(sys.argv) == 2 and sys.argv[1] == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
