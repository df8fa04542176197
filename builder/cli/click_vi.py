"""Click's own words in Vietnamese: usage lines, option lists, help and error messages.

Click marks every message for gettext, binding `_` (and `ngettext`) in each of its modules when
they are imported; no Vietnamese catalogue ships with it. `install()` rebinds those names to a
lookup in the table below, so `qms --help`, a missing option or a wrong value read in Vietnamese.
A message without a translation is shown as click wrote it (tests/unit/test_cli_vietnamese.py
fails on any English left in the help and the usual errors).
"""
from __future__ import annotations

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

MESSAGES = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "Aborted!": "Đã dừng.",
    "Do you want to continue?": "Tiếp tục?",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: dữ liệu nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "deprecated": "không còn dùng",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị đúng/sai. Các giá trị nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "file": "tệp", "directory": "thư mục", "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được vào {name} {filename!r}.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
}
# Vietnamese has no plural: one wording for both of click's forms, keyed by the singular.
PLURALS = {
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
}
PLURAL_FORMS = {
    "Got unexpected extra arguments ({args})": "Thừa đối số ({args})",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
}
MODULES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.termui,
           click.types, click.utils)


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if count == 1:
        return PLURALS.get(singular, singular)
    return PLURAL_FORMS.get(plural, plural)


TYPE_NAMES = {click.types.IntParamType: "số nguyên", click.types.IntRange: "số nguyên",
              click.types.FloatParamType: "số", click.types.FloatRange: "số"}


def install() -> None:
    """Rebind click's message functions to the table above, and name the number types in
    Vietnamese ("'hai' không phải số nguyên hợp lệ"). Idempotent."""
    for kind, name in TYPE_NAMES.items():
        kind.name = name
    for module in MODULES:
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


# The placeholders of the usage line and the option list, in Vietnamese.
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
TYPE_METAVARS = {"text": "CHỮ", "directory": "THƯ_MỤC", "file": "TỆP", "path": "TỆP", "số nguyên": "SỐ",
                 "số": "SỐ"}
DATE_OPTIONS = {"today", "when", "since"}
NAMED_METAVARS = {"REF": "NHÁNH", "DIR": "THƯ_MỤC", "CODE": "MÃ_HIỆU"}
ARGUMENT_METAVARS = {"code": "MÃ_HIỆU", "codes": "MÃ_HIỆU", "number": "SỐ_HIỆU", "unit": "ĐƠN_VỊ",
                     "files": "TỆP", "numbers": "SỐ_BẢN", "person": "NHÂN_SỰ", "public_key": "TỆP_KHÓA"}


def localise(command: click.Command) -> None:
    """Vietnamese placeholders for every command below `command`: [TÙY_CHỌN], MÃ_HIỆU, NGÀY..."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            localise(sub)
    for param in command.params:
        if isinstance(param, click.Argument):
            word = ARGUMENT_METAVARS.get(param.name or "")
            if word and param.metavar is None and not isinstance(param.type, click.Choice):
                word += "..." if param.nargs == -1 else ""
                param.metavar = word if param.required else f"[{word}]"
        elif isinstance(param, click.Option) and not param.is_flag:
            if param.metavar in NAMED_METAVARS:
                param.metavar = NAMED_METAVARS[param.metavar]
            elif param.metavar is None and param.name in DATE_OPTIONS:
                param.metavar = "NGÀY"
            elif param.metavar is None and param.type.name in TYPE_METAVARS:
                param.metavar = TYPE_METAVARS[param.type.name]
