"""Whole-page text dumps in and without the languages cleaner has stop words for."""

from __future__ import annotations

import cleaner
from cleaner.language import detect_language, detect_page_language

MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Travel", "Opinion", "Video", "Contact"]
BODY = [
    "The council voted on Tuesday to keep the old harbour open, after a meeting that ran until midnight.",
    "Residents had argued for months about whether the wall should be repaired or moved further inland.",
]


def test_the_page_language_is_read_from_its_prose_not_its_menus() -> None:
    """Menus can fill the whole sample the language is read from; the prose lines name it."""
    lines = [f"{entry} {number}" for number in range(400) for entry in MENU] + BODY
    assert detect_language(" ".join(lines)) is None
    assert detect_page_language(lines) == "en"


def test_chinese_prose_without_full_stops_is_the_article() -> None:
    """A blogger parting clauses with spaces and line breaks writes no full stop; lines as long
    as body prose are still the article, not a menu's entries."""
    menu = ["首页", "部落格", "运动", "美妆", "电影", "旅游", "亲子", "美食", "相簿", "留言"]
    body = ["一波波接续性低温寒流报到 已将新竹尖石乡后山一带层层山峦披上嫣红的彩衣",
            "玉峰道路一路上云气山岚滞留山头 顺路下切蜿蜒道路后不久即抵达来到玉峰国小",
            "美树美如其名偌大枫香树早已呈现金黄 泛红色彩也是爱摄人仕所喜爱造访之地",
            "第二次造访美树发现到营区变了 印象中以前生冷招牌换成了原木招牌可谓匠心独运",
            "燻黑原木加上金黄色醒目字体 加上了猫头鹰原木创作也充分发挥了装饰艺术功力",
            "营区内除了露营民宿餐饮赏枫项目 多了许多原木饰品更有画龙点睛加乘效果"]
    text = "\n\n".join(["\n".join(menu)] + body + ["\n".join(menu)])
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == body
