"""SQLAlchemy reading a live schema, as the introspection benchmark's peer.

    python sqlalchemy_reflect.py URL reflect     # MetaData.reflect(views=True): tables, views
    python sqlalchemy_reflect.py URL inspector   # the per-table Inspector calls an app makes

Prints the number of tables read (the bench checks it).
"""
import sys
import warnings

from sqlalchemy import MetaData, create_engine, inspect

warnings.simplefilter("ignore")  # unknown types (POINT...) warn once per column


def main() -> None:
    url, mode = sys.argv[1], sys.argv[2]
    engine = create_engine(url.replace("mysql://", "mysql+pymysql://", 1))
    if mode == "reflect":
        md = MetaData()
        md.reflect(bind=engine, views=True)
        n = len(md.tables)
    else:
        insp = inspect(engine)
        n = 0
        for t in insp.get_table_names():
            insp.get_columns(t)
            insp.get_pk_constraint(t)
            insp.get_foreign_keys(t)
            insp.get_indexes(t)
            insp.get_unique_constraints(t)
            insp.get_check_constraints(t)
            insp.get_table_options(t)
            insp.get_table_comment(t)
            n += 1
        for v in insp.get_view_names():
            insp.get_view_definition(v)
    engine.dispose()
    print(n)


if __name__ == "__main__":
    main()
