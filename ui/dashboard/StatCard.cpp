#include "dashboard/StatCard.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vc::ui {

StatCard::StatCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_note(new QLabel(this))
    , m_breakdown(new QGridLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    m_title->setForegroundRole(QPalette::PlaceholderText);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setText(QStringLiteral("—"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setWordWrap(true);

    m_breakdown->setContentsMargins(0, 0, 0, 0);
    m_breakdown->setHorizontalSpacing(6);
    m_breakdown->setVerticalSpacing(1);

    auto *figures = new QHBoxLayout;
    figures->addWidget(m_value, 0, Qt::AlignVCenter);
    figures->addStretch(1);
    figures->addLayout(m_breakdown);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addLayout(figures);
    layout->addWidget(m_note);
}

void StatCard::setTitle(const QString &title)
{
    m_title->setText(title);
}

void StatCard::setValue(const QString &value)
{
    m_value->setText(value);
}

void StatCard::setNote(const QString &note)
{
    m_note->setText(note);
}

void StatCard::addBreakdownRow(const QColor &marker, const QString &objectName)
{
    const int row = static_cast<int>(m_rowNames.size());
    auto *dot = new QFrame(this);
    dot->setFixedSize(10, 10);
    QPalette palette = dot->palette();
    palette.setColor(QPalette::Window, marker);
    dot->setPalette(palette);
    dot->setAutoFillBackground(true);
    auto *name = new QLabel(this);
    auto *number = new QLabel(this);
    number->setObjectName(objectName);
    number->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_breakdown->addWidget(dot, row, 0, Qt::AlignVCenter);
    m_breakdown->addWidget(name, row, 1);
    m_breakdown->addWidget(number, row, 2);
    m_rowNames.append(name);
    m_rowNumbers.append(number);
}

void StatCard::setBreakdownRow(int row, const QString &name, const QString &number)
{
    if (row < 0 || row >= m_rowNames.size())
        return;
    m_rowNames.at(row)->setText(name);
    m_rowNumbers.at(row)->setText(number);
}

} // namespace vc::ui
