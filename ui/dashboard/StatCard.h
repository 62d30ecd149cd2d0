#pragma once

#include <QFrame>
#include <QList>

class QGridLayout;
class QLabel;

namespace vc::ui {

// One figure at the top of the dashboard: a caption, the figure in large type, an optional
// breakdown (a coloured marker, a name and a number per row) beside it and a note below.
class StatCard : public QFrame
{
    Q_OBJECT
public:
    explicit StatCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value);
    void setNote(const QString &note);
    QLabel *valueLabel() const { return m_value; }
    QLabel *noteLabel() const { return m_note; }

    // Adds a breakdown row; `objectName` names the label holding its number.
    void addBreakdownRow(const QColor &marker, const QString &objectName);
    void setBreakdownRow(int row, const QString &name, const QString &number);

private:
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_note = nullptr;
    QGridLayout *m_breakdown = nullptr;
    QList<QLabel *> m_rowNames;
    QList<QLabel *> m_rowNumbers;
};

} // namespace vc::ui
