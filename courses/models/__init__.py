from .pages import CourseIndexPage, CoursePage, ModulePage

__all__ = ["CourseIndexPage", "CoursePage", "ModulePage"]
