# Nine digits fit every integer column of every database we run on: a longer number in a
# path names no record, and is a 404 before it can overflow a query.
NUMBER = "[0-9]{1,9}"


class CitationFormat:
    regex = "bib|ris"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class Number:
    regex = NUMBER

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class M49Code:
    """A UN M49 area code: three digits ("150", "019"). Anything else names no area, and is a
    404 before it reaches a query (PostgreSQL refuses a NUL byte in a text parameter)."""

    regex = "[0-9]{3}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
