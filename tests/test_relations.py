"""Relation extractor on sentences written for the tests, about many regions.

Each case: text, article date, and the events expected as
(actor id, type, date, date basis, modality); the extractor must give
exactly those events (as a set), so both misses and extras fail.
"""
from datetime import date

import pytest

D = date(2025, 11, 10)

CASES = {
    "explicit date, は topic": (
        "イスラエルのネタニヤフ首相は5日、ハマスの停戦案を拒否した。", D,
        {("NETANYAHU", "REJECT", "2025-11-05", "explicit", "asserted")}),
    "headline: actor then comma": (
        "北朝鮮、日本海に向け弾道ミサイルを発射\n", D,
        {("PRK", "FIGHT", "2025-11-10", "dct", "asserted")}),
    "topic carries across clauses": (
        "インドのモディ首相は7日、パキスタンを非難し、協議を拒否した。", D,
        {("MODI", "DISAPPROVE", "2025-11-07", "explicit", "asserted"),
         ("MODI", "REJECT", "2025-11-07", "explicit", "asserted")}),
    "AとBは会談: one event per participant": (
        "タイとカンボジアは7月28日、クアラルンプールで停戦に合意した。", D,
        {("THA", "COOPERATE", "2025-07-28", "explicit", "asserted"),
         ("KHM", "COOPERATE", "2025-07-28", "explicit", "asserted")}),
    "AはBと会談: the partner takes part too": (
        "高市早苗首相は10月28日、トランプ米大統領と東京で会談した。", D,
        {("TAKAICHI", "CONSULT", "2025-10-28", "explicit", "asserted"),
         ("TRUMP", "CONSULT", "2025-10-28", "explicit", "asserted")}),
    "首脳 compound: countries stand for their leaders": (
        "米中首脳会談が10月30日に釜山で行われた。", D,
        {("TRUMP", "CONSULT", "2025-10-30", "explicit", "asserted"),
         ("XI_JINPING", "CONSULT", "2025-10-30", "explicit", "asserted")}),
    "country compound without 首脳 stays with the countries": (
        "米ロの外相協議が11月3日にモスクワで行われた。", D,
        {("USA", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("RUS", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "passive: the から agent proposes": (
        "ウクライナは11月2日、米国から新たな和平案を提案された。", D,
        {("USA", "PROPOSE", "2025-11-02", "explicit", "asserted")}),
    "deadline is not the event date": (
        "トランプ大統領は、ハマスに11月20日までに人質を解放するよう求めた。", D,
        {("TRUMP", "DEMAND", "2025-11-10", "dct", "asserted")}),
    "anaphoric date": (
        "ロシア軍は3日、キーウを空爆した。ゼレンスキー大統領は同日、ロシアを非難した。", D,
        {("RUS", "FIGHT", "2025-11-03", "explicit", "asserted"),
         ("ZELENSKY", "DISAPPROVE", "2025-11-03", "anaphoric", "asserted")}),
    "section heading scopes the sentences under it": (
        "①10月22日:米財務省がロシア石油大手に制裁\n米国は、ロシアの石油大手2社に制裁を科すと発表した。\n", D,
        {("USA", "REDUCE_RELATIONS", "2025-10-22", "section", "asserted"),
         ("USA", "STATEMENT", "2025-10-22", "section", "asserted")}),
    "planned": (
        "トランプ大統領は来週、習近平国家主席と会談する予定だ。", D,
        {("TRUMP", "CONSULT", "2025-11", "inferred", "planned"),
         ("XI_JINPING", "CONSULT", "2025-11", "inferred", "planned")}),
    "negated": (
        "イランは8日、米国との協議に応じなかった。", D,
        {("IRN", "REJECT", "2025-11-08", "explicit", "asserted")}),
    "reported: 関係者によると": (
        "関係者によると、ハマスは4日、仲介国に新たな提案を提示したという。", D,
        {("HAMAS", "PROPOSE", "2025-11-04", "explicit", "reported")}),
    "relative clause is a description, not an event": (
        "韓国政府は6日、北朝鮮が発射したミサイルについて声明を出した。", D,
        {("KOR", "STATEMENT", "2025-11-06", "explicit", "asserted")}),
    "speech content in quotes is not an event": (
        "李在明大統領は9日、「北朝鮮との対話を拒否しない」と述べた。", D,
        {("LEE_JAE_MYUNG", "STATEMENT", "2025-11-09", "explicit", "asserted")}),
    "an unnamed speaker takes the event from an earlier subject": (
        "中国外務省は4日に会見を開いた。当局者は日本を批判した。", D,
        {("CHN", "STATEMENT", "2025-11-04", "explicit", "asserted")}),
    "a list of days gives one event per day": (
        "米国とイランの代表団は11月4日・5日、オマーンで協議した。", D,
        {("USA", "CONSULT", "2025-11-04", "explicit", "asserted"),
         ("USA", "CONSULT", "2025-11-05", "explicit", "asserted"),
         ("IRN", "CONSULT", "2025-11-04", "explicit", "asserted"),
         ("IRN", "CONSULT", "2025-11-05", "explicit", "asserted")}),
    "a range of days dates the event to its month": (
        "①10月13日〜14日:エジプトで和平会議\nトランプ大統領はエジプトのシシ大統領と会談した。\n", D,
        {("TRUMP", "CONSULT", "2025-10", "section", "asserted"),
         ("SISI", "CONSULT", "2025-10", "section", "asserted")}),
    "a 〜するよう complement is not an event of its own": (
        "米国は3日、イスラエルに停戦に合意するよう圧力をかけた。", D,
        {("USA", "DEMAND", "2025-11-03", "explicit", "asserted")}),
    "a date that is what is talked about does not date the action": (
        "①11月4日:EU首脳の声明\nEU首脳は、期限は12月1日が適切と表明した。\n", D,
        {("EU", "STATEMENT", "2025-11-04", "section", "asserted")}),
    "双方 after joined actors makes them the subject": (
        "インド・パキスタン双方が5月10日、停戦に同意した。", D,
        {("IND", "COOPERATE", "2025-05-10", "explicit", "asserted"),
         ("PAK", "COOPERATE", "2025-05-10", "explicit", "asserted")}),
    "joining talks is taking part in them": (
        "エジプトのシシ大統領は10月13日、協議に加わった。", D,
        {("SISI", "CONSULT", "2025-10-13", "explicit", "asserted")}),
    "not wanting is rejecting": (
        "ハマスは6日、武装解除を望まない姿勢を示した。", D,
        {("HAMAS", "REJECT", "2025-11-06", "explicit", "asserted"),
         ("HAMAS", "PROPOSE", "2025-11-06", "explicit", "asserted")}),
    "an event noun before を表明 is the event, 表明 only its light verb": (
        "PKKは10月26日、トルコからの撤退を表明した。", D,
        {("PKK", "YIELD", "2025-10-26", "explicit", "asserted")}),
    "officials of named governments act for them": (
        "英国とフランスの政府高官も11月2日の協議に加わった。", D,
        {("GBR", "CONSULT", "2025-11-02", "explicit", "asserted"),
         ("FRA", "CONSULT", "2025-11-02", "explicit", "asserted")}),
    "首脳 linked by の to the meeting": (
        "③10月16日:米ロ首脳の電話会談\n", D,
        {("TRUMP", "CONSULT", "2025-10-16", "explicit", "asserted"),
         ("PUTIN", "CONSULT", "2025-10-16", "explicit", "asserted")}),
    "an abbreviation fused to a country name": (
        "①11月30日:フロリダで米ウクライナ和平交渉\n", D,
        {("USA", "CONSULT", "2025-11-30", "explicit", "asserted"),
         ("UKR", "CONSULT", "2025-11-30", "explicit", "asserted")}),
    "「AとBのみの協議」 still names its participants": (
        "②2月18日:米露のみの停戦協議\n", D,
        {("USA", "CONSULT", "2025-02-18", "explicit", "asserted"),
         ("RUS", "CONSULT", "2025-02-18", "explicit", "asserted")}),
    "a quoted clause closes the inner subject": (
        "トランプ氏は4日、習氏が合意を「守っている」と強調した。", D,
        {("TRUMP", "STATEMENT", "2025-11-04", "explicit", "asserted")}),
    "a light-verb relative clause describes the actor": (
        "習近平国家主席は1日、前日に会談を行ったトランプ氏を批判した。", D,
        {("XI_JINPING", "DISAPPROVE", "2025-11-01", "explicit", "asserted")}),
    "no comment is no event (rules/predicates/exclusions.jsonl)": (
        "国務省は4日、コメントの要請にすぐには応じなかった。", D, set()),
    "a topic that is no actor stops an earlier subject from carrying": (
        "米国は3日、新たな案を示した。案では、ウクライナに領土の割譲を求めている。", D, set()),
    "a passive verb does not make its subject the actor": (
        "ウクライナは5日、選挙の実施を求められた。", D, set()),
    "a joint action under a heading naming the parties is theirs": (
        "⑤6月2日:露ウ代表団交渉(イスタンブール)\n  • 捕虜を交換することで合意した。\n", D,
        {("RUS", "CONSULT", "2025-06-02", "explicit", "asserted"),
         ("UKR", "CONSULT", "2025-06-02", "explicit", "asserted"),
         ("RUS", "COOPERATE", "2025-06-02", "section", "asserted"),
         ("UKR", "COOPERATE", "2025-06-02", "section", "asserted")}),
    "a name in quotation marks can be the subject": (
        "「有志連合」は1月6日、パリで首脳会議を開いた。", D,
        {("EUROPE", "CONSULT", "2025-01-06", "explicit", "asserted")}),
    "合意に至らなかった is a negated agreement": (
        "イスラエルとハマスは3日、停戦の合意に至らなかった。", D,
        {("ISR", "COOPERATE", "2025-11-03", "explicit", "negated"),
         ("HAMAS", "COOPERATE", "2025-11-03", "explicit", "negated")}),
    "X側はA、Y側はBが出席: both take part": (
        "協議には、インド側はジャイシャンカル外相、パキスタン側はダール副首相兼外相が出席した。", D,
        {("JAISHANKAR", "CONSULT", "2025-11-10", "dct", "asserted"),
         ("DAR", "CONSULT", "2025-11-10", "dct", "asserted")}),
    "米ウ首脳会談: a country that shares 首脳 with the trigger is a party too": (
        "キーウで日ウ首脳会談が行われた。", D,
        {("TAKAICHI", "CONSULT", "2025-11-10", "dct", "asserted"),
         ("ZELENSKY", "CONSULT", "2025-11-10", "dct", "asserted")}),
    "a predicate nominalised by こと is what is demanded, not an event": (
        "中国は4日、フィリピンが声明を出すことを求めた。", D,
        {("CHN", "DEMAND", "2025-11-04", "explicit", "asserted")}),
    "〜する作業を進める is the action itself": (
        "関係筋によると、タイとカンボジアは停戦案を取りまとめる作業を進めている。", D,
        {("THA", "CONSULT", "2025-11-10", "dct", "reported"),
         ("KHM", "CONSULT", "2025-11-10", "dct", "reported")}),
    "a condition and its outcome are no events; the warning is": (
        "ハマスが停戦案を拒否すれば、イスラエルは攻撃を再開するとネタニヤフ首相は警告した。", D,
        {("NETANYAHU", "THREATEN", "2025-11-10", "dct", "asserted")}),
    "a guess (だろう) is no event; the view stated is": (
        "イランは5日、米国が協議を拒否するだろうとの見解を示した。", D,
        {("IRN", "STATEMENT", "2025-11-05", "explicit", "asserted")}),
    "a refusal under a condition is still a refusal": (
        "イランは5日、制裁が解除されなければ協議は受け入れられないと表明した。", D,
        {("IRN", "STATEMENT", "2025-11-05", "explicit", "asserted"),
         ("IRN", "REJECT", "2025-11-05", "explicit", "asserted")}),
    "one sentence per line under a heading: the subject carries to the next line": (
        "②10月3日:インド・パキスタン外相会談\nインドとパキスタンは会談した。\n捕虜の交換で合意した。\n", D,
        {("IND", "CONSULT", "2025-10-03", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-10-03", "explicit", "asserted"),
         ("IND", "COOPERATE", "2025-10-03", "section", "asserted"),
         ("PAK", "COOPERATE", "2025-10-03", "section", "asserted")}),
    "a blank line ends the carried subject": (
        "インドとパキスタンは3日、会談した。\n\n捕虜の交換で合意した。", D,
        {("IND", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "the carried subject is the main one, not one of an inner clause": (
        "インドは3日、パキスタンが停戦に違反したと非難した。協議を拒否した。", D,
        {("IND", "DISAPPROVE", "2025-11-03", "explicit", "asserted"),
         ("IND", "REJECT", "2025-11-03", "inferred", "asserted")}),
    "Xが「…」と述べた: the first subject is the speaker": (
        "モディ首相が「テロは容認できない」と述べた。", D,
        {("MODI", "STATEMENT", "2025-11-10", "dct", "asserted")}),
    "an aside in brackets after the name": (
        "ルビオ国務長官(共和党)は5日、停戦案を支持した。", D,
        {("RUBIO", "COOPERATE", "2025-11-05", "explicit", "asserted")}),
    "unnamed speakers with など carry nothing": (
        "インドは3日、パキスタンと会談した。政府関係者などはこれに反論した。", D,
        {("IND", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "a topic that is no actor leaves a joint action to the heading's leaders": (
        "③8月15日:米中首脳会談\n協議は3時間に及んだが、合意には至らなかった。\n", D,
        {("TRUMP", "CONSULT", "2025-08-15", "explicit", "asserted"),
         ("XI_JINPING", "CONSULT", "2025-08-15", "explicit", "asserted"),
         ("TRUMP", "COOPERATE", "2025-08-15", "section", "negated"),
         ("XI_JINPING", "COOPERATE", "2025-08-15", "section", "negated")}),
    "a meeting named with its parties as the setting of something else took place": (
        "インドとパキスタンの外相協議で、停戦の延長が決まった。", D,
        {("IND", "CONSULT", "2025-11-10", "dct", "asserted"),
         ("PAK", "CONSULT", "2025-11-10", "dct", "asserted")}),
    "a meeting named as a setting without its parties is no event": (
        "インドは協議で停戦の延長を求めた。", D,
        {("IND", "DEMAND", "2025-11-10", "dct", "asserted")}),
    "Aと、外相のB: an appositive title between joined subjects": (
        "モディ首相と、外相のジャイシャンカル氏は3日、ダール副首相兼外相と協議した。", D,
        {("MODI", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("JAISHANKAR", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("DAR", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "a list item's date without a colon, then the actor and a comma": (
        "  • 9月3日インド、パキスタンと停戦協定に署名\n", D,
        {("IND", "COOPERATE", "2025-09-03", "explicit", "asserted")}),
    "a term in quotation marks is no predicate": (
        "インドは5日、「最終提案」ではないとの認識を示した。", D,
        {("IND", "STATEMENT", "2025-11-05", "explicit", "asserted")}),
    "a line linking another story reports no event": (
        "関連記事:インド、パキスタンとの協議を拒否\n", D, set()),
    "Xとの before a noun names no partner": (
        "インドは3日、長年続くパキスタンとの紛争を終わらせるための計画について協議した。", D,
        {("IND", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "AはX日、Bは…と発表: A announces, B meets on its own date": (
        "国連のグテレス事務総長は5日、安保理は来週に会合を開くと発表した。", D,
        {("GUTERRES", "STATEMENT", "2025-11-05", "explicit", "asserted"),
         ("UNSC", "CONSULT", "2025-11", "inferred", "asserted")}),
    "における / に向けた are particles, not clauses that close the subject's": (
        "タイ・カンボジア双方が国境における地雷除去に向けた措置で同意した。", D,
        {("THA", "COOPERATE", "2025-11-10", "dct", "asserted"),
         ("KHM", "COOPERATE", "2025-11-10", "dct", "asserted")}),
    "a continuative verb before a noun does not close the subject's clause": (
        "イスラエルのカッツ国防相が5日、強い批判を受け辞任した。", D,
        {("KATZ", "YIELD", "2025-11-05", "explicit", "asserted")}),
    "Xの攻撃を受け: the attack is X's": (
        "ウクライナ東部の都市は5日、ロシア軍の攻撃を受けた。", D,
        {("RUS", "FIGHT", "2025-11-05", "explicit", "asserted")}),
    "an undergone action with no agent named is no event": (
        "タイのアヌティン首相は5日、批判を受け辞任した。", D,
        {("ANUTIN", "YIELD", "2025-11-05", "explicit", "asserted")}),
    "unnamed speakers with a count (関係者2人) carry nothing": (
        "インドは3日、パキスタンと会談した。事情に詳しい関係者2人が明らかにした。", D,
        {("IND", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-11-03", "explicit", "asserted")}),
    "a headline part opened by a name: the name acts": (
        "タイ首相、国境巡り「遺憾」 フン・マネット首相5日までの撤退要求\n", D,
        {("HUN_MANET", "DEMAND", "2025-11-10", "dct", "asserted")}),
    "現在 dates a state to the article, not to the narrative": (
        "インドは3日、パキスタンと会談した。パキスタンは現在、停戦案を拒否している。", D,
        {("IND", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-11-03", "explicit", "asserted"),
         ("PAK", "REJECT", "2025-11-10", "dct", "asserted")}),
    "a relative clause ending before an adjectival noun (新たな) closes its subject": (
        "インドは3日、中国とロシアがまとめた新たな停戦案をパキスタンに提示した。", D,
        {("IND", "PROPOSE", "2025-11-03", "explicit", "asserted")}),
    "AとBとの会談後: the meeting took place": (
        "インド外務省は5日、モディ首相とシャリフ首相との会談後に声明を発表した。", D,
        {("MODI", "CONSULT", "2025-11-05", "explicit", "asserted"),
         ("SHEHBAZ", "CONSULT", "2025-11-05", "explicit", "asserted"),
         ("IND", "STATEMENT", "2025-11-05", "explicit", "asserted")}),
    "talks where a relative clause says a plan was made are background": (
        "インドは5日、米国や欧州との協議で策定された和平案を支持した。", D,
        {("IND", "COOPERATE", "2025-11-05", "explicit", "asserted")}),
    "a later non-actor topic does not stop the topic carried from before": (
        "インドとパキスタンは協議を行った。停戦で合意したが、進展はなかった。", D,
        {("IND", "CONSULT", "2025-11-10", "dct", "asserted"),
         ("PAK", "CONSULT", "2025-11-10", "dct", "asserted"),
         ("IND", "COOPERATE", "2025-11-10", "dct", "asserted"),
         ("PAK", "COOPERATE", "2025-11-10", "dct", "asserted")}),
    "a list of days joined by と is two days": (
        "インドとパキスタンは10月4日と5日、国境問題で協議した。", D,
        {("IND", "CONSULT", "2025-10-04", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-10-04", "explicit", "asserted"),
         ("IND", "CONSULT", "2025-10-05", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-10-05", "explicit", "asserted")}),
    "under a heading of several days, an undated action is dated to the month": (
        "③9月8日・9日:インド・パキスタン外相会談\nマレーシアのアンワル首相が同会談に参加した。\n", D,
        {("IND", "CONSULT", "2025-09-08", "explicit", "asserted"),
         ("IND", "CONSULT", "2025-09-09", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-09-08", "explicit", "asserted"),
         ("PAK", "CONSULT", "2025-09-09", "explicit", "asserted"),
         ("ANWAR", "CONSULT", "2025-09", "section", "asserted")}),
}


def events_of(pipeline, text, dct):
    return {(e.actor_id, e.type, e.date, e.date_basis, e.modality)
            for e in pipeline.analyze(text, dct).events}


@pytest.mark.parametrize("name", CASES)
def test_events(pipeline, name):
    text, dct, expected = CASES[name]
    assert events_of(pipeline, text, dct) == expected


def test_headline_and_body_are_one_event_with_two_mentions(pipeline):
    text = "④11月7日:ネタニヤフ首相、停戦案を拒否\nネタニヤフ首相は記者会見で、停戦案を拒否した。\n"
    events = pipeline.analyze(text, D).events
    rejects = [e for e in events if e.type == "REJECT"]
    assert len(rejects) == 1
    assert len(rejects[0].mentions) == 2
    for m in rejects[0].mentions:
        assert text[m.trigger.start:m.trigger.end] == m.trigger.text == "拒否"
        assert text[m.actor.start:m.actor.end] == m.actor.text


def test_event_spans_point_at_their_text(pipeline):
    text = "ロシアのラブロフ外相は12日、北朝鮮の崔善姫外相とモスクワで会談した。"
    for e in pipeline.analyze(text, D).events:
        for m in e.mentions:
            for span in (m.trigger, m.actor, m.sentence, m.date):
                assert span is None or text[span.start:span.end] == span.text


@pytest.mark.parametrize("stamp,expected", [
    ("2025/11/10 更新", "2025-11"),  # the story may have run days before its update
    ("2025/11/10 配信", "2025-11-10"),
])
def test_an_update_stamp_dates_undated_events_to_its_month(pipeline, stamp, expected):
    from newsextract.ingest import analyze
    from newsextract.reader import split_stories
    text = f"インド首相、停戦案を拒否\n{stamp}\nインドのモディ首相は停戦案を拒否した。\n"
    stories = [(s.start, s.end, s.published, s.outlet) for s in split_stories(text)]
    events = analyze(pipeline, text, D, stories).events
    assert {(e.actor_id, e.type, e.date, e.date_basis) for e in events} == {("MODI", "REJECT", expected, "dct")}


def _exclusion_examples():
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "rules" / "predicates" / "exclusions.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "//"))]
    return [(row["id"], row["example"]) for row in rows if "example" in row]


@pytest.mark.parametrize("rule_id, example", _exclusion_examples())
def test_each_exclusion_example_gives_no_event(pipeline, rule_id, example):
    assert pipeline.analyze(example, D).events == [], rule_id
